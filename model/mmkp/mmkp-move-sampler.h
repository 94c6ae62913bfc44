/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MMKP_MOVE_SAMPLER_H
#define EDGE_DML_MMKP_MOVE_SAMPLER_H

#include "mmkp-search-state.h"

#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Draws the random moves of the sampling searches (the extended tabu
 * and simulated annealing), each in O(1) on an MmkpSearchState:
 *
 * - insert: a rejected class uniformly, then an item uniformly from its
 *   insert list (InsertItemsPerClass > 0: its best items of positive value
 *   by value per normalised weight v / sum_d w_d / C_d, built once in
 *   O(items); 0: all its items); when the item's ES (row) is held, the
 *   holder is rejected in exchange (a replace);
 * - remove: an assigned class uniformly, rejected;
 * - row swap: the paper's move, see DrawRowMove and
 *   MmkpSearchState::MakeRowMove.
 *
 * The draws (and so the random sequence) are those the two searches made
 * before they shared this class.
 */
class MmkpMoveSampler
{
  public:
    /**
     * \param instance the instance; must outlive the sampler
     * \param insertItemsPerClass size of each class's insert list (0: all items)
     */
    MmkpMoveSampler(const MmkpInstance& instance, uint32_t insertItemsPerClass);

    /**
     * \brief Draw an insert (or replace) move.
     * \param state the state \param rng the random variable
     * \param[out] move the move (class cls[0] inserted; cls[1] rejected if count 2)
     * \return false when nothing can be drawn (no rejected class, or an empty list)
     */
    bool DrawInsert(const MmkpSearchState& state,
                    Ptr<UniformRandomVariable> rng,
                    MmkpMove& move) const;

    /**
     * \brief Draw a remove move.
     * \param state the state \param rng the random variable
     * \param[out] move the move
     * \return false when no class is assigned
     */
    bool DrawRemove(const MmkpSearchState& state,
                    Ptr<UniformRandomVariable> rng,
                    MmkpMove& move) const;

    /**
     * \brief Draw a row swap (or relocation).
     * \param state the state \param rng the random variable
     * \param[out] move the move
     * \param[out] fromRow the row of the moved class before the move
     * \param[out] toRow the other row
     * \return false when no move can be drawn or the drawn one does not exist
     */
    bool DrawSwap(const MmkpSearchState& state,
                  Ptr<UniformRandomVariable> rng,
                  MmkpMove& move,
                  uint32_t& fromRow,
                  uint32_t& toRow) const;

    /// \return whether classes have insert lists (InsertItemsPerClass > 0)
    bool HasInsertLists() const;
    /// \param cls a class \return the first entry of its insert list
    const int64_t* InsertListBegin(uint32_t cls) const;
    /// \param cls a class \return one past the last entry of its insert list
    const int64_t* InsertListEnd(uint32_t cls) const;
    /// \return every insert-list item, class by class
    const std::vector<int64_t>& GetInsertItems() const;
    /// \param item an item \return its value per normalised weight (max double for zero weight)
    double GetEfficiency(int64_t item) const;

  private:
    const MmkpInstance& m_instance;        //!< the instance
    uint32_t m_perClass;                   //!< insert list size (0: all items)
    std::vector<double> m_inverseCapacity; //!< per dimension, 1 / C_d (0 for C_d = 0)
    std::vector<int64_t> m_list;           //!< the insert lists, class by class
    std::vector<uint32_t> m_start;         //!< class offsets into m_list (classes + 1)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MMKP_MOVE_SAMPLER_H */
