/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TASK_SCHEDULING_PROBLEM_H
#define EDGE_DML_TASK_SCHEDULING_PROBLEM_H

#include "crowdsourcing-task.h"

#include "ns3/mmkp-instance.h"
#include "ns3/mobility-model.h"
#include "ns3/node-container.h"
#include "ns3/object.h"
#include "ns3/propagation-loss-model.h"

#include <limits>
#include <memory>
#include <vector>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief What the scheduling problem needs to know about one edge server i.
 */
struct EdgeServerState
{
    double samples{0.0};        //!< local sample count s_i (>= 0)
    double cpuFrequencyHz{0.0}; //!< CPU frequency f_i, in Hz (> 0)
    double trainingSuccessProbability{
        0.0};                    //!< success probability o_i of its training link, in [0, 1]
    Ptr<MobilityModel> mobility; //!< its position (needed when available)
    bool available{true};        //!< free (not busy with a task) and online
    double trainingLinkSnr{
        std::numeric_limits<double>::quiet_NaN()}; //!< SNR_i of its training link (linear);
                                                   //!< needed by SharedBandwidth only
};

/**
 * \ingroup edge-dml
 * \brief The task-scheduling problem of the system model, "Task scheduling", built from the
 * network state as an MmkpInstance (class = task j, item = feasible pair
 * (j, i), resource = edge-server index i, disjoint; dimension 0 = bandwidth
 * in Hz, dimension 1 = energy in J).
 *
 * For task j and available edge server i:
 * - SNR_{j,i} = p_j g_{j,i} / sigma^2, g from PublisherLossModel (default:
 *   128.1 + 37.6 log10(d / 1 km) dB plus log-normal shadowing of 8 dB),
 *   sigma^2 = N0 * ReferenceNoiseBandwidthHz;
 * - rho_{j,i} = exp(-m / SNR_{j,i}), m = WaterfallThreshold;
 * - t^c = C_j / f_i, t^x = T_j - t^c; the pair is infeasible if t^x <= 0;
 * - b_{j,i} = D_j / (t^x log2(1 + SNR)) Hz (0 when D_j = 0; a pair with
 *   D_j > 0 and zero rate is infeasible);
 * - e_{j,i} = eta0 gamma f_i^2 C_j + eta p_j t^x J;
 * - u_{j,i} = phi_j rho_{j,i} - s_i o_i / S.
 * Infeasible pairs are not items (never a huge weight). With
 * DropOversizedPairs (default) a pair whose weight alone exceeds a capacity
 * is not an item either: it could never be chosen, so the optimum and the
 * feasible set are unchanged.
 *
 * [choice] S = sum of s_i over ALL edge servers given (available or not), as
 * in U_T of the system model. An unavailable server does not train this round
 * (busy: y_i = 1 already; offline: no update), so it contributes nothing to
 * the base value sum_{i available} s_i o_i / S and to U_T. Hence
 * U = U_T + sum_j phi_j rho_{j,i(j)} for every assignment. With S = 0 the
 * training terms are 0.
 *
 * Presets: Valued (default; a task may be rejected), Strict (phi_j = 0,
 * every task must be placed: MmkpInstance::MustAssignAll) and SharedBandwidth.
 *
 * SharedBandwidth: B is the system bandwidth that the tasks' uploads and the
 * training uploads share. Each available ES i adds a class of its own after
 * the q task classes ("ES i trains this round"), with one item: value
 * s_i o_i / S, weights (b^T_i, 0 J), resource i, where
 * b^T_i = Z / (tau log2(1 + SNR_i)) is the least bandwidth that carries its
 * model update of Z bits (TrainingUpdateBits) within the upload window tau
 * (TrainingUploadWindowS) at its training-link SNR (the same law as b_{j,i}).
 * Task items have value phi_j rho_{j,i} (the ES's training is lost through
 * the shared resource i, not through the value), and the base value is 0, so
 * U = U_T + sum_j phi_j rho_{j,i(j)} still holds with U_T = sum over the
 * granted training classes of s_i o_i / S. An ES executes a task, trains, or
 * (when the band is full) waits. Tasks compete with training for bandwidth, so
 * a larger B also serves more training.
 *
 * Memory: the instance (value, two weights and resource per feasible item)
 * plus one delivery probability per feasible item; per-pair accessors find
 * the item by binary search within the task's class. Transmit window and
 * compute time are recomputed from the stored tasks and servers.
 */
class TaskSchedulingProblem : public Object
{
  public:
    /// Presets of the system model, "Task scheduling".
    enum Preset
    {
        VALUED,           //!< utility phi_j rho - s_i o_i / S, rejection allowed
        STRICT,           //!< phi_j = 0, every task must be placed
        SHARED_BANDWIDTH, //!< tasks and training uploads share B (training classes)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TaskSchedulingProblem();
    ~TaskSchedulingProblem() override;

    /**
     * \brief Build the instance. Aborts on negative or non-finite inputs (a
     * programming error: validate user data before).
     * \param tasks the tasks j = 0..q-1
     * \param servers the edge servers i = 0..n-1 (all of the system; the
     *        unavailable ones get no items)
     */
    void Build(const std::vector<CrowdsourcingTask>& tasks,
               const std::vector<EdgeServerState>& servers);

    /**
     * \brief Build from nodes carrying an EdgeServer and a MobilityModel
     * (available = online and not busy).
     * \param tasks the tasks
     * \param nodes the edge-server nodes, i = index in the container
     * \param trainingSuccessProbabilities o_i per node
     */
    void Build(const std::vector<CrowdsourcingTask>& tasks,
               const NodeContainer& nodes,
               const std::vector<double>& trainingSuccessProbabilities);

    /**
     * \brief Describe edge-server nodes for Build.
     * \param nodes nodes carrying an EdgeServer and a MobilityModel
     * \param trainingSuccessProbabilities o_i per node
     * \return one EdgeServerState per node
     */
    static std::vector<EdgeServerState> DescribeEdgeServers(
        const NodeContainer& nodes,
        const std::vector<double>& trainingSuccessProbabilities);

    /// \return the instance of the last Build (aborts before any Build)
    const MmkpInstance& GetInstance() const;
    /// \return the number of tasks q
    uint32_t GetNumTasks() const;
    /// \return the number of edge servers n
    uint32_t GetNumEdgeServers() const;
    /// \return S = sum of s_i over all edge servers
    double GetTotalSamples() const;
    /**
     * \brief The class of edge server i's training upload (SharedBandwidth).
     * \param server i
     * \return its class index (>= q), or -1 when it has none (other presets, or i
     *         unavailable)
     */
    int64_t GetTrainingClass(uint32_t server) const;
    /**
     * \param server i (any server)
     * \return b^T_i = Z / (tau log2(1 + SNR_i)), in Hz (SharedBandwidth; infinity
     *         when SNR_i <= 0; NaN in the other presets)
     */
    double GetTrainingBandwidthHz(uint32_t server) const;

    /**
     * \param task j \param server i
     * \return the global item index of the pair, or MmkpInstance::REJECTED if
     *         it is not an item
     */
    int64_t GetItem(uint32_t task, uint32_t server) const;
    /// \param task j \param server i \return whether the pair is an item
    bool IsFeasible(uint32_t task, uint32_t server) const;
    /// \param item a global item index \return its task j
    uint32_t GetTaskOfItem(int64_t item) const;
    /// \param item a global item index \return its edge server i
    uint32_t GetEdgeServerOfItem(int64_t item) const;

    /// \param task j \param server i (a feasible pair) \return u_{j,i}
    double GetUtility(uint32_t task, uint32_t server) const;
    /// \param task j \param server i (a feasible pair) \return b_{j,i}, in Hz
    double GetBandwidthWeightHz(uint32_t task, uint32_t server) const;
    /// \param task j \param server i (a feasible pair) \return e_{j,i}, in J
    double GetEnergyWeightJ(uint32_t task, uint32_t server) const;
    /// \param task j \param server i (a feasible pair) \return rho_{j,i}
    double GetDeliveryProbability(uint32_t task, uint32_t server) const;
    /// \param task j \param server i (any pair) \return t^c = C_j / f_i, in s
    double GetComputeTimeS(uint32_t task, uint32_t server) const;
    /// \param task j \param server i (any pair) \return t^x = T_j - t^c, in s
    double GetTransmitWindowS(uint32_t task, uint32_t server) const;

    /**
     * \brief Training performance U_T = sum_i s_i o_i (1 - y_i) / S, where
     * y_i = 1 if server i executes a task or is unavailable (SharedBandwidth:
     * y_i = 1 unless its training class is assigned).
     * \param assignment per task, a global item index or MmkpInstance::REJECTED
     * \return U_T
     */
    double GetTrainingPerformance(const std::vector<int64_t>& assignment) const;
    /**
     * \brief System utility U = GetInstance().Evaluate(assignment).
     * \param assignment per task, a global item index or REJECTED
     * \return U
     */
    double GetSystemUtility(const std::vector<int64_t>& assignment) const;
    /**
     * \param assignment per class, a global item index or REJECTED
     * \return per task (the first q classes), the edge server it goes to or -1
     */
    std::vector<int32_t> GetAssignedEdgeServers(const std::vector<int64_t>& assignment) const;

    /**
     * \brief Assign fixed random variable streams to the publisher loss model.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void NotifyConstructionCompleted() override;

  private:
    void DoDispose() override;
    /// \param task j \param server i \return the item; aborts if absent
    int64_t GetExistingItem(uint32_t task, uint32_t server) const;
    /// Aborts unless Build was called.
    void CheckBuilt() const;

    Ptr<PropagationLossModel> m_lossModel; //!< publisher -> edge server loss
    Preset m_preset;                       //!< Valued or Strict
    double m_noiseDensityDbmPerHz;         //!< N0, in dBm/Hz
    double m_referenceNoiseBandwidthHz;    //!< bandwidth of sigma^2, in Hz
    double m_waterfallThreshold;           //!< m (linear)
    double m_taskBandwidthHz;              //!< capacity B, in Hz
    double m_taskEnergyBudgetJ;            //!< capacity E_max, in J
    double m_taskCapacitance;              //!< gamma, in J / (cycle Hz^2)
    double m_computeEnergyFactor;          //!< eta0
    double m_transmitEnergyFactor;         //!< eta
    bool m_dropOversizedPairs;             //!< drop pairs exceeding a capacity alone
    double m_trainingUpdateBits;           //!< Z, in bits (SharedBandwidth)
    double m_trainingUploadWindowS;        //!< tau, in s (SharedBandwidth)

    std::vector<CrowdsourcingTask> m_tasks;    //!< tasks of the last Build
    std::vector<EdgeServerState> m_servers;    //!< servers of the last Build
    double m_totalSamples{0.0};                //!< S
    std::unique_ptr<MmkpInstance> m_instance;  //!< the instance of the last Build
    std::vector<double> m_deliveryProbability; //!< rho per item (1 for training items)
    std::vector<int64_t> m_trainingClass;      //!< class of each server's training (-1: none)
    std::vector<double> m_trainingBandwidthHz; //!< b^T_i per server (SharedBandwidth)
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TASK_SCHEDULING_PROBLEM_H */
