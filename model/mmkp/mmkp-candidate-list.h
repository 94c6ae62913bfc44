/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MMKP_CANDIDATE_LIST_H
#define EDGE_DML_MMKP_CANDIDATE_LIST_H

#include "mmkp-instance.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief The search space of LocalSearchTaskScheduler: per class, its
 * candidate items, as a sub-instance (an MmkpInstance whose items are the
 * candidates, so that MmkpSearchState and the Lagrangian tools work on it
 * unchanged) with the map back to the instance's items.
 *
 * The candidates of a class are the items that fit the capacities alone
 * (and, when rejecting is allowed, have a positive value: an item of value
 * <= 0 is never worth choosing). When a class has more than perClass of
 * them, only the union of two bounded selections is kept, each made in one
 * pass over the class's items (a threshold rejects most items with one
 * comparison, no sort of the class): the best perClass by value per
 * normalised weight v / sum_d w_d / C_d, and the best perClass by value, or
 * by value minus priced weight minus resource price when prices are given.
 * Within a class the candidates are in increasing resource order (then item
 * order), so the candidate of a class on a resource is found by binary
 * search (or the search state's dense table).
 *
 * The sub-instance keeps the capacities, the disjointness, MustAssignAll and
 * the resource numbering (DeclareResources) of the instance; its base value
 * is 0 and its item values are the true values. Each candidate also has an
 * effective value (value plus a constant bonus, see SetBonus), its
 * normalised weights and its rank by decreasing value within its class.
 */
class MmkpCandidateList
{
  public:
    MmkpCandidateList();
    ~MmkpCandidateList();

    /**
     * \brief Build the candidates in one pass over all items.
     * \param instance the instance; must outlive the list
     * \param perClass cap per class (0: every fitting item)
     * \param prices normalised capacity prices ranking the candidates (empty: by value)
     * \param resourcePrices resource prices also ranking them (empty: none)
     * \return the sum of the absolute values of all items (in item order)
     */
    double Build(const MmkpInstance& instance,
                 uint32_t perClass,
                 const std::vector<double>& prices,
                 const std::vector<double>& resourcePrices);

    /// \param bonus the constant added to every candidate's effective value
    void SetBonus(double bonus);

    /// \return the sub-instance (items = candidates)
    const MmkpInstance& GetSubInstance() const;
    /// \return the instance the candidates were cut from
    const MmkpInstance& GetInstance() const;
    /// \return the number of candidates
    std::size_t GetNumCandidates() const;
    /// \return the number of resources priced (the instance's when disjoint, else 0)
    uint32_t GetNumResources() const;
    /// \return whether some class lost fitting items to the cap
    bool IsTruncated() const;
    /// \param k a candidate \return its item in the instance
    int64_t GetItem(int64_t k) const;
    /// \param k a candidate \return its class
    uint32_t GetClass(int64_t k) const;
    /// \param k a candidate \return its value
    double GetValue(int64_t k) const;
    /// \param k a candidate \return its effective value (value plus the bonus)
    double GetEff(int64_t k) const;
    /// \param k a candidate \return its weights divided by the capacities (0 for C_d = 0)
    const double* GetNormWeights(int64_t k) const;
    /// \param k a candidate \return its resource, NO_RESOURCE when resources are not disjoint
    int32_t GetResource(int64_t k) const;
    /// \param cls a class \param t a rank \return its candidate of rank t by decreasing value
    int64_t GetByValue(uint32_t cls, uint32_t t) const;
    /**
     * \param item an item of the instance
     * \return its candidate, or MmkpInstance::REJECTED if it is not one
     */
    int64_t FindCandidate(int64_t item) const;

  private:
    const MmkpInstance* m_instance{nullptr}; //!< the instance
    std::unique_ptr<MmkpInstance> m_sub;     //!< the sub-instance
    uint32_t m_dims{0};                      //!< number of dimensions
    uint32_t m_resources{0};                 //!< resources priced
    bool m_truncated{false};                 //!< some class lost candidates to the cap
    std::vector<int64_t> m_item;             //!< item of each candidate
    std::vector<uint32_t> m_owner;           //!< class of each candidate
    std::vector<double> m_eff;               //!< effective value of each candidate
    std::vector<double> m_normWeight;        //!< normalised weights, candidate-major
    std::vector<uint32_t> m_byValue;         //!< per class, candidates by decreasing value
};

inline const MmkpInstance&
MmkpCandidateList::GetSubInstance() const
{
    return *m_sub;
}

inline std::size_t
MmkpCandidateList::GetNumCandidates() const
{
    return m_item.size();
}

inline int64_t
MmkpCandidateList::GetItem(int64_t k) const
{
    return m_item[k];
}

inline uint32_t
MmkpCandidateList::GetClass(int64_t k) const
{
    return m_owner[k];
}

inline double
MmkpCandidateList::GetValue(int64_t k) const
{
    return m_sub->GetValue(k);
}

inline double
MmkpCandidateList::GetEff(int64_t k) const
{
    return m_eff[k];
}

inline const double*
MmkpCandidateList::GetNormWeights(int64_t k) const
{
    return m_normWeight.data() + static_cast<std::size_t>(k) * m_dims;
}

inline int32_t
MmkpCandidateList::GetResource(int64_t k) const
{
    return m_sub->GetResource(k);
}

inline int64_t
MmkpCandidateList::GetByValue(uint32_t cls, uint32_t t) const
{
    return m_byValue[m_sub->GetFirstItem(cls) + t];
}

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MMKP_CANDIDATE_LIST_H */
