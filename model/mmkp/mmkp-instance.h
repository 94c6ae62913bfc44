/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_MMKP_INSTANCE_H
#define EDGE_DML_MMKP_INSTANCE_H

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief A multiple-choice multidimensional knapsack problem (MMKP).
 *
 * Classes j = 0..q-1 each offer items; at most one item per class is chosen
 * (exactly one when MustAssignAll is set); every chosen item adds its value to
 * the objective and its weights to m capacity dimensions. Optionally each item
 * is tied to a resource (an edge server) and resources are disjoint: no two
 * chosen items may share one. the system model, "Task scheduling" maps the task-scheduling
 * problem onto this: class = crowdsourcing task, item = a feasible (task, ES)
 * pair, resource = the ES, dimensions = bandwidth and energy.
 *
 * The instance does not depend on the simulator. Items are stored class by
 * class in flat arrays; an item is addressed by its global index, and the
 * items of class j are [GetFirstItem(j), GetEndItem(j)). Pairs that cannot be
 * placed (e.g. a task that misses its deadline on an ES) are simply not added
 * as items, so they never carry artificial weights.
 *
 * The objective of an assignment is GetBaseValue() plus the values of the
 * chosen items (the base value holds the constant sum_i s_i o_i / S of the
 * system utility).
 */
class MmkpInstance
{
  public:
    /// Marks a class with no chosen item in an assignment.
    static constexpr int64_t REJECTED = -1;
    /// Resource of an item tied to no resource.
    static constexpr int32_t NO_RESOURCE = -1;

    /**
     * \brief Build an empty instance.
     * \param capacities one capacity per dimension (each >= 0)
     */
    explicit MmkpInstance(std::vector<double> capacities);

    /**
     * \brief Open a new class; following AddItem calls add to it.
     * \return the index of the new class
     */
    uint32_t AddClass();

    /**
     * \brief Add an item to the most recently opened class.
     * \param value the item's value (any sign)
     * \param weights one weight per dimension (each >= 0)
     * \param resource the resource the item occupies, or NO_RESOURCE
     * \return the global index of the item
     */
    int64_t AddItem(double value,
                    const std::vector<double>& weights,
                    int32_t resource = NO_RESOURCE);

    /**
     * \brief Reserve room for items, to avoid reallocations on large instances.
     * \param classes expected number of classes
     * \param items expected total number of items
     */
    void Reserve(uint32_t classes, std::size_t items);

    /**
     * \brief Declare resources that no item may use yet: GetNumResources()
     * is at least count afterwards (a sub-instance keeps the resource
     * numbering of the instance it was cut from).
     * \param count the number of resources
     */
    void DeclareResources(uint32_t count);

    /// \param disjoint whether no two chosen items may share a resource
    void SetResourcesDisjoint(bool disjoint);
    /// \param all whether every class must get exactly one item (Strict preset)
    void SetMustAssignAll(bool all);
    /// \param value constant added to the objective of every assignment
    void SetBaseValue(double value);

    /// \return the number of classes
    uint32_t GetNumClasses() const;
    /// \return the number of capacity dimensions
    uint32_t GetNumDimensions() const;
    /// \return the total number of items over all classes
    std::size_t GetNumItems() const;
    /// \param cls a class \return the number of items of that class
    uint32_t GetNumItems(uint32_t cls) const;
    /// \param cls a class \return the global index of its first item
    int64_t GetFirstItem(uint32_t cls) const;
    /// \param cls a class \return one past the global index of its last item
    int64_t GetEndItem(uint32_t cls) const;
    /// \param dimension a dimension \return its capacity
    double GetCapacity(uint32_t dimension) const;
    /// \return all capacities
    const std::vector<double>& GetCapacities() const;
    /// \param item a global item index \return its value
    double GetValue(int64_t item) const;
    /// \param item a global item index \param dimension a dimension \return the weight
    double GetWeight(int64_t item, uint32_t dimension) const;
    /// \param item a global item index \return pointer to its GetNumDimensions() weights
    const double* GetWeights(int64_t item) const;
    /// \param item a global item index \return its resource, or NO_RESOURCE
    int32_t GetResource(int64_t item) const;
    /// \param item a global item index \return the class it belongs to (binary search)
    uint32_t GetClassOf(int64_t item) const;
    /// \return one more than the largest resource index used (0 if none)
    uint32_t GetNumResources() const;
    /// \return whether chosen items must use distinct resources
    bool AreResourcesDisjoint() const;
    /// \return whether every class must be assigned
    bool MustAssignAll() const;
    /// \return the constant part of the objective
    double GetBaseValue() const;

    /**
     * \brief The objective of an assignment (base value plus chosen values);
     * feasibility is not checked here, see CheckMmkpAssignment.
     * \param assignment per class, a global item index of that class or REJECTED
     * \return the objective value
     */
    double Evaluate(const std::vector<int64_t>& assignment) const;

  private:
    std::vector<double> m_capacities;  //!< capacity per dimension
    std::vector<int64_t> m_classStart; //!< first item per class, plus a final end marker
    std::vector<double> m_values;      //!< value per item
    std::vector<double> m_weights;     //!< weights, item-major (item * dims + d)
    std::vector<int32_t> m_resources;  //!< resource per item
    uint32_t m_numResources{0};        //!< one more than the largest resource used
    bool m_disjoint{false};            //!< resources must be distinct
    bool m_mustAssignAll{false};       //!< every class must be assigned
    double m_baseValue{0.0};           //!< constant term of the objective
};

/**
 * \ingroup edge-dml
 * \brief Outcome of a feasibility check.
 */
struct MmkpCheck
{
    bool feasible{true}; //!< whether the assignment is feasible
    std::string reason;  //!< why not, naming the class, item or dimension
};

/**
 * \ingroup edge-dml
 * \brief The one shared validator: checks an assignment against every
 * constraint of the instance (one item of its own class or none per class,
 * every class assigned when required, capacities, resource disjointness).
 * \param instance the instance
 * \param assignment per class, a global item index of that class or REJECTED
 * \param relativeTolerance slack allowed on capacities, relative to the capacity
 * \return the verdict and, if infeasible, the first violated constraint
 */
MmkpCheck CheckMmkpAssignment(const MmkpInstance& instance,
                              const std::vector<int64_t>& assignment,
                              double relativeTolerance = 1e-9);

// Accessors are inline: heuristics call them once per item in their inner loops.

inline uint32_t
MmkpInstance::GetNumClasses() const
{
    return static_cast<uint32_t>(m_classStart.size() - 1);
}

inline uint32_t
MmkpInstance::GetNumDimensions() const
{
    return static_cast<uint32_t>(m_capacities.size());
}

inline int64_t
MmkpInstance::GetFirstItem(uint32_t cls) const
{
    return m_classStart[cls];
}

inline int64_t
MmkpInstance::GetEndItem(uint32_t cls) const
{
    return m_classStart[cls + 1];
}

inline double
MmkpInstance::GetCapacity(uint32_t dimension) const
{
    return m_capacities[dimension];
}

inline double
MmkpInstance::GetValue(int64_t item) const
{
    return m_values[item];
}

inline double
MmkpInstance::GetWeight(int64_t item, uint32_t dimension) const
{
    return m_weights[item * m_capacities.size() + dimension];
}

inline const double*
MmkpInstance::GetWeights(int64_t item) const
{
    return m_weights.data() + item * m_capacities.size();
}

inline int32_t
MmkpInstance::GetResource(int64_t item) const
{
    return m_resources[item];
}

inline std::size_t
MmkpInstance::GetNumItems() const
{
    return m_values.size();
}

inline uint32_t
MmkpInstance::GetNumItems(uint32_t cls) const
{
    return static_cast<uint32_t>(m_classStart[cls + 1] - m_classStart[cls]);
}

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_MMKP_INSTANCE_H */
