/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MMKP_SEARCH_STATE_H
#define EDGE_DML_MMKP_SEARCH_STATE_H

#include "mmkp-instance.h"

#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief A move of a local search: up to two classes change their chosen item.
 *
 * Each change sets class cls[k] to item to[k] (an item of that class, or
 * MmkpInstance::REJECTED). A swap of two ES rows changes two classes, a
 * relocation, insertion or removal changes one.
 */
struct MmkpMove
{
    uint32_t cls[2]{0, 0};                                         //!< the changed classes
    int64_t to[2]{MmkpInstance::REJECTED, MmkpInstance::REJECTED}; //!< their new items
    uint32_t count{0};                                             //!< number of changes (0..2)
};

/**
 * \ingroup edge-dml
 * \brief The incremental state shared by the MMKP local searches (greedy
 * construction, tabu search, simulated annealing): the current assignment,
 * per-dimension loads, resource owners, the lists of assigned and rejected
 * classes and the objective, with O(1) feasibility, delta and update of a
 * move (O(m) in the number of dimensions m).
 *
 * <b>Rows.</b> The paper's solution is an n x q assignment matrix whose rows
 * are the ES. When resources are disjoint and every item has a resource
 * (UsesResourceRows()), the row of an item is its resource and at most one
 * class occupies a row. Otherwise (resources not disjoint, or some item
 * without resource) the row of an item is its index within its class, rows
 * are not exclusive, and GetRowOwner() reports no owner; a row move then only
 * changes the item of one class. The number of rows is the number of
 * resources, respectively the largest number of items of a class.
 *
 * <b>Row lookup.</b> GetRowItem(cls, row) finds the item of a class on a row
 * (the highest-valued one if a class has several items on one resource): a
 * dense q x n table when q n is at most the constructor's denseLookupLimit (default
 * DENSE_LOOKUP_LIMIT) entries (8 bytes each); otherwise
 * a binary search over the class's items, directly when every class lists its
 * items in strictly increasing resource order (the layout the problem builder
 * and the tests use, no extra memory), else over a per-class sorted index (4
 * bytes per item).
 *
 * <b>Numerics.</b> Loads and the objective are updated incrementally; they are
 * recomputed from scratch after every max(q, 1024) applied moves (amortised
 * O(m) per move) so rounding drift stays far below the validator's tolerance.
 * A move is feasible only when every new load is <= its capacity, exactly.
 */
class MmkpSearchState
{
  public:
    /// Largest q * n for which the (class, row) -> item lookup is a dense table.
    static constexpr uint64_t DENSE_LOOKUP_LIMIT = uint64_t{1} << 22;

    /**
     * \brief Build the state of an instance, with every class rejected.
     * \param instance the instance; must outlive the state
     * \param rowMoves whether to prepare rows and the row lookup (one pass
     *        over all items, plus the lookup); a construction heuristic that
     *        makes no row moves passes false, and then GetNumRows() is 0 and
     *        the row functions must not be used
     * \param denseLookupLimit largest q n for which the row lookup is a
     *        dense table (8 bytes per entry)
     */
    explicit MmkpSearchState(const MmkpInstance& instance,
                             bool rowMoves = true,
                             uint64_t denseLookupLimit = DENSE_LOOKUP_LIMIT);

    /// \return the mean |value| over all items (0 without items), computed
    ///         in the constructor's pass when rowMoves is set, else 0
    double GetMeanAbsValue() const;

    /// \return the instance
    const MmkpInstance& GetInstance() const;

    /// \brief Reject every class.
    void Clear();

    /**
     * \brief Replace the current assignment; aborts unless every entry is an
     * item of its class or REJECTED (capacities are not checked).
     * \param assignment per class, a global item index or REJECTED
     */
    void SetAssignment(const std::vector<int64_t>& assignment);

    /// \return per class, the chosen global item index or REJECTED
    const std::vector<int64_t>& GetAssignment() const;
    /// \param cls a class \return its chosen item or REJECTED
    int64_t GetItem(uint32_t cls) const;
    /// \return base value plus the values of the chosen items
    double GetObjective() const;
    /// \param dimension a dimension \return the current load
    double GetLoad(uint32_t dimension) const;

    /**
     * \param resource a resource of the instance
     * \return the class holding it when resources are disjoint, else REJECTED
     */
    int64_t GetResourceOwner(int32_t resource) const
    {
        return m_owner.empty() || resource == MmkpInstance::NO_RESOURCE ? MmkpInstance::REJECTED
                                                                        : m_owner[resource];
    }

    /**
     * \brief Whether an item's resource is free (or it has none, or resources
     * are not disjoint).
     * \param item a global item index
     * \return whether no class holds its resource
     */
    bool IsResourceFree(int64_t item) const
    {
        return GetResourceOwner(m_instance.GetResource(item)) == MmkpInstance::REJECTED;
    }

    /**
     * \brief Capacity check of a change of the loads, in O(m): whether the
     * current loads plus the weights of add1 and add2 minus those of remove1
     * and remove2 are within every capacity (exactly). Resources and classes
     * are not checked. Entries equal to MmkpInstance::REJECTED are ignored.
     * \param add1 an item added \param add2 a second item added
     * \param remove1 an item removed \param remove2 a second item removed
     * \return whether every new load is <= its capacity
     */
    bool FitsChange(int64_t add1, int64_t add2, int64_t remove1, int64_t remove2) const
    {
        const double* a1 = add1 != MmkpInstance::REJECTED ? m_instance.GetWeights(add1) : nullptr;
        const double* a2 = add2 != MmkpInstance::REJECTED ? m_instance.GetWeights(add2) : nullptr;
        const double* r1 =
            remove1 != MmkpInstance::REJECTED ? m_instance.GetWeights(remove1) : nullptr;
        const double* r2 =
            remove2 != MmkpInstance::REJECTED ? m_instance.GetWeights(remove2) : nullptr;
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            double l = m_loads[d];
            l += a1 ? a1[d] : 0.0;
            l += a2 ? a2[d] : 0.0;
            l -= r1 ? r1[d] : 0.0;
            l -= r2 ? r2[d] : 0.0;
            if (l > m_capacities[d])
            {
                return false;
            }
        }
        return true;
    }

    /// \return whether every load is within its capacity (exactly)
    bool IsWithinCapacities() const;

    /// \return the number of assigned classes
    uint32_t GetNumAssigned() const;

    /// \param k index in [0, GetNumAssigned()) \return the k-th assigned class
    uint32_t GetAssignedClass(uint32_t k) const
    {
        return m_assigned[k];
    }

    /// \return the number of rejected classes
    uint32_t GetNumRejected() const;
    /// \param k index in [0, GetNumRejected()) \return the k-th rejected class
    uint32_t GetRejectedClass(uint32_t k) const;

    /// \return whether rows are the (exclusive) resources, see the class doc
    bool UsesResourceRows() const;
    /// \return the number of rows
    uint32_t GetNumRows() const;
    /// \param item a global item index \return its row
    uint32_t GetRow(int64_t item) const;

    /// \param cls an assigned class \return the row of its chosen item
    uint32_t GetClassRow(uint32_t cls) const
    {
        const int64_t item = m_assignment[cls];
        return m_resourceRows ? static_cast<uint32_t>(m_instance.GetResource(item))
                              : static_cast<uint32_t>(item - m_instance.GetFirstItem(cls));
    }

    /**
     * \param cls a class
     * \param row a row in [0, GetNumRows())
     * \return the item of the class on that row, or REJECTED if none
     */
    int64_t GetRowItem(uint32_t cls, uint32_t row) const
    {
        if (!m_dense.empty())
        {
            return m_dense[static_cast<std::size_t>(cls) * m_numRows + row];
        }
        return SearchRowItem(cls, row);
    }

    /**
     * \param row a row
     * \return the class occupying it when UsesResourceRows(), else REJECTED
     */
    int64_t GetRowOwner(uint32_t row) const
    {
        return m_resourceRows ? m_owner[row] : MmkpInstance::REJECTED;
    }

    /**
     * \brief Fast check for construction heuristics: whether an item could be
     * added for a currently rejected class (its resource free, every load
     * plus its weight within capacity). Inline, for scans over many items.
     * \param item a global item index of a rejected class
     * \return whether adding it is feasible
     */
    bool CanAdd(int64_t item) const
    {
        if (!m_owner.empty())
        {
            const int32_t r = m_instance.GetResource(item);
            if (r != MmkpInstance::NO_RESOURCE && m_owner[r] != MmkpInstance::REJECTED)
            {
                return false;
            }
        }
        const double* w = m_instance.GetWeights(item);
        for (uint32_t d = 0; d < m_dims; ++d)
        {
            if (m_loads[d] + w[d] > m_capacities[d])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * \brief Feasibility and objective change of a move, in O(m).
     *
     * The verdict assumes the current state feasible, except that classes the
     * move does not touch may be rejected in a MustAssignAll instance (as
     * during a construction): it checks the capacities, the disjointness and
     * that the move rejects no class when every class must be assigned.
     * \param move the move (classes distinct, items of their classes)
     * \param[out] delta the change of the objective if the move is applied
     *             (meaningful only when the move is feasible)
     * \return whether the move keeps the state feasible
     */
    bool Evaluate(const MmkpMove& move, double& delta) const;

    /**
     * \brief Like Evaluate, but the capacities are a penalty instead of a
     * constraint: the penalty of the loads after the move,
     * sum_d unitPenalty[d] max(0, L_d - C_d), in O(m).
     * \param move the move
     * \param unitPenalty per dimension, the penalty of one unit of excess
     * \param[out] delta the change of the objective if the move is applied
     * \param[out] penalty the penalty after the move
     * \return false when the move uses a resource twice or rejects a class
     *         that must be assigned (then delta and penalty are meaningless)
     */
    bool EvaluateExcess(const MmkpMove& move,
                        const double* unitPenalty,
                        double& delta,
                        double& penalty) const;

    /**
     * \param unitPenalty per dimension, the penalty of one unit of excess
     * \return sum_d unitPenalty[d] max(0, L_d - C_d) of the current loads
     */
    double GetExcessPenalty(const double* unitPenalty) const;

    /**
     * \brief Apply a move (feasibility is the caller's business).
     * \param move the move
     */
    void Apply(const MmkpMove& move);

    /**
     * \brief The row move of the paper's neighbourhood: the assigned class
     * cls moves to row; with resource rows, the class occupying that row (if
     * any) moves to the old row of cls (a swap of two ES rows).
     * \param cls an assigned class
     * \param row a row other than the row of the class's item
     * \param[out] move the move
     * \return false when a needed item does not exist (the pair is infeasible)
     */
    bool MakeRowMove(uint32_t cls, uint32_t row, MmkpMove& move) const;

  private:
    /// \brief Recompute loads, objective and owners from the assignment.
    void Recompute();
    /**
     * \brief The objective change of a move and, in m_scratch, its load
     * change per dimension.
     * \param move the move \param[out] delta the objective change
     * \return false when the move uses a resource twice or rejects a class
     *         that must be assigned
     */
    bool ChangeOf(const MmkpMove& move, double& delta) const;
    /// \brief Set class cls to item (updates everything but drift counter).
    /// \param cls the class \param item the new item or REJECTED
    void Set(uint32_t cls, int64_t item);
    /// \brief GetRowItem without the dense table.
    /// \param cls a class \param row a row \return the item or REJECTED
    int64_t SearchRowItem(uint32_t cls, uint32_t row) const;
    /// \brief The pass over all items: rows, sortedness, mean |value|, lookup.
    void ScanItems();
    /// \brief Build the row lookup structure.
    void BuildLookup();

    const MmkpInstance& m_instance;        //!< the instance
    uint32_t m_dims;                       //!< number of dimensions
    std::vector<int64_t> m_assignment;     //!< chosen item per class
    std::vector<double> m_loads;           //!< load per dimension
    std::vector<double> m_capacities;      //!< capacity per dimension (copy, for speed)
    std::vector<int64_t> m_owner;          //!< class holding each resource (disjoint only)
    std::vector<uint32_t> m_assigned;      //!< assigned classes, unordered
    std::vector<uint32_t> m_rejected;      //!< rejected classes, unordered
    std::vector<uint32_t> m_listPos;       //!< position of each class in its list
    double m_objective{0.0};               //!< current objective
    double m_meanAbsValue{0.0};            //!< mean |value| over all items
    uint64_t m_movesSinceRecompute{0};     //!< applied moves since the last Recompute
    bool m_resourceRows{false};            //!< rows are exclusive resources
    uint32_t m_numRows{0};                 //!< number of rows
    std::vector<int64_t> m_dense;          //!< dense (class, row) -> item, or REJECTED
    bool m_sortedClasses{false};           //!< classes list items in increasing resource order
    std::vector<uint32_t> m_sortedIndex;   //!< per class, item offsets sorted by resource
    uint64_t m_denseLookupLimit;           //!< largest q n with a dense row lookup
    mutable std::vector<double> m_scratch; //!< per-dimension load change of Evaluate
};

/**
 * \ingroup edge-dml
 * \brief Draw a row move of the tabu and annealing neighbourhoods: an
 * assigned class uniformly and a row uniformly among the rows other than the
 * class's own. Both come from a single draw rng->GetInteger(0, a (n-1) - 1)
 * (a assigned classes, n rows) when a (n-1) < 2^32, else from two draws: an
 * ns-3 uniform draw costs about 65 ns, the rest of a candidate less. The
 * single draw is uniform over the pairs up to the generator's 2^-32
 * resolution (a relative bias below 1.2% per pair at a (n-1) = 5 10^7).
 * \param state the state; needs GetNumAssigned() >= 1 and GetNumRows() >= 2
 * \param rng the random variable
 * \param[out] cls the class
 * \param[out] row the other row
 */
void DrawRowMove(const MmkpSearchState& state,
                 Ptr<UniformRandomVariable> rng,
                 uint32_t& cls,
                 uint32_t& row);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MMKP_SEARCH_STATE_H */
