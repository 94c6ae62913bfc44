/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_TRAINING_RECORDER_H
#define EDGE_DML_TRAINING_RECORDER_H

#include "training-cost-accountant.h"
#include "training-scenario-helper.h"

#include "ns3/convergence-bound.h"
#include "ns3/dataset.h"
#include "ns3/learning-model.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <ostream>
#include <vector>

namespace ns3
{
namespace edgedml
{

class LearningModel;

/**
 * \ingroup edge-dml
 * \brief What happened in one round, as the traces report it.
 */
struct RoundRecord
{
    bool started{false};                //!< the round started
    bool ended{false};                  //!< the round ended (aggregated)
    double startS{0.0};                 //!< start time, in s
    double endS{0.0};                   //!< end time, in s
    uint32_t eligible{0};               //!< workers online and not busy at the start
    uint32_t participants{0};           //!< updates aggregated
    uint32_t dropped[5]{0, 0, 0, 0, 0}; //!< drops by ParameterServerApplication::DropReason
    double testAccuracy{0.0};           //!< test accuracy of W_{t+1}
    double testLoss{0.0};               //!< test loss of W_{t+1} (with the L2 term)
    double energyJ{0.0};                //!< energy spent by all ES until the round end, in J
    uint32_t tasksPending{0};           //!< tasks offered to the scheduler at this round's epoch
    uint32_t freeServers{0};            //!< ES free (online, not busy) at the epoch
    uint32_t tasksAssigned{0};          //!< tasks placed at this round's epoch
    double taskEnergyJ{0.0};            //!< task energy of the tasks placed at this epoch, in J
    double utility{0.0};                //!< system utility U of the epoch's placement
    bool scheduled{false};              //!< an epoch ran at this round's start
    bool feasible{true};                //!< the epoch's solve found a placement
    double aggregatedSamples{0.0};      //!< sum of s_i over the updates aggregated
    double trainingLoss{std::numeric_limits<double>::quiet_NaN()}; //!< F(W_{t+1}) on the
                                                                   //!< training samples
    TrainingCost cost;     //!< what the round cost (TrainingCostAccountant)
    double totalCost{0.0}; //!< cost of the rounds up to this one
};

/**
 * \ingroup edge-dml
 * \brief Per-ES totals.
 */
struct WorkerRecord
{
    uint32_t participated{0};           //!< rounds whose aggregate holds its update
    uint32_t dropped[5]{0, 0, 0, 0, 0}; //!< drops by reason
    uint32_t tasksAssigned{0};          //!< crowdsourcing tasks placed on it
};

/**
 * \ingroup edge-dml
 * \brief Records a TrainingScenario through its trace sources: per round the
 * participation and drop reasons, the test accuracy and loss of W_{t+1} and
 * the energy spent; per ES its participation, drops and tasks. Writes them as
 * rounds.csv / workers.csv tables and optionally shows one progress line per
 * round on a stream (stderr in the examples).
 *
 * Drops are counted in the round they belong to, which may be reported a
 * round later (LOST is known when the next round closes), so the tables are
 * complete only after the simulation.
 */
class TrainingRecorder
{
  public:
    /**
     * \param scenario the scenario (must outlive the recorder)
     * \param test the held-out set the accuracy is measured on
     * \param evaluateEvery evaluate every this many rounds (and the last one);
     *        rounds in between repeat the previous figures
     */
    TrainingRecorder(const TrainingScenario& scenario,
                     std::shared_ptr<const Dataset> test,
                     uint32_t evaluateEvery = 1);

    /**
     * \param progress where to print a line per round (null: nowhere)
     */
    void SetProgressStream(std::ostream* progress);

    /**
     * \brief Also evaluate the objective F(W_{t+1}) on the union of the edge
     * servers' training samples whenever the test set is evaluated (column
     * training_loss), for the optimality gap. Call before the simulation runs.
     * \param enable whether to
     */
    void SetTrainingLossTracking(bool enable);
    /// \return F(W_0) on the training samples (NaN unless tracked)
    double GetInitialTrainingLoss() const;

    /**
     * \brief Write the optimality gap F(W_{t+1}) - F* of the evaluated rounds
     * and Chen et al.'s bound on it (ConvergenceBound, started at F(W_0) - F*,
     * advanced every round by the share of the samples missing from its
     * aggregate, 1 - aggregated s_i / S) in rounds.csv (columns
     * optimality_gap and gap_bound; empty when not set).
     * \param constants mu, L, zeta1, zeta2 of the objective
     * \param optimum F*
     */
    void SetConvergenceBound(const ConvergenceConstants& constants, double optimum);
    /**
     * \brief The bound per round, as written (empty before SetConvergenceBound).
     * \return per round number, the bound on E[F(W_{t+1}) - F*] (NaN for rounds
     *         that did not end)
     */
    std::vector<double> GetGapBounds() const;
    /// \return F* given to SetConvergenceBound (NaN if none)
    double GetOptimum() const;

    /// \return per round records, by round number
    const std::vector<RoundRecord>& GetRounds() const;
    /// \return per ES records, by ES index
    const std::vector<WorkerRecord>& GetWorkers() const;
    /// \return the test accuracy and loss of W_0 (before any round)
    ModelEvaluation GetInitialEvaluation() const;

    /// \return the cost accountant (e.g. to add backhaul bytes)
    TrainingCostAccountant& GetCostAccountant();

    /// \param out where to write the rounds table (CSV with a header)
    void WriteRounds(std::ostream& out) const;
    /// \param out where to write the per-ES table (CSV with a header)
    void WriteWorkers(std::ostream& out) const;

  private:
    /// \param round the round \param eligible eligible workers
    void RoundStarted(uint32_t round, uint32_t eligible);
    /// \param round the round \param participants aggregated \param duration its length
    void RoundEnded(uint32_t round, uint32_t participants, Time duration);
    /// \param worker node id \param round the round
    void UpdateReceived(uint32_t worker, uint32_t round);
    /// \param worker node id \param round the round \param reason a DropReason
    void UpdateDropped(uint32_t worker, uint32_t round, int reason);
    /**
     * \param taskId the task \param nodeId its ES \param utility u_{j,i}
     * \param energyJ E_task \param duration busy time
     */
    void TaskAssigned(uint64_t taskId,
                      uint32_t nodeId,
                      double utility,
                      double energyJ,
                      Time duration);
    /**
     * \param round the round \param pending tasks offered \param free free ES
     * \param placed tasks placed \param utility system utility U \param status solve status
     */
    void EpochScheduled(uint32_t round,
                        uint32_t pending,
                        uint32_t free,
                        uint32_t placed,
                        double utility,
                        SolveStatus status);
    /// \param round a round number \return its record, created if needed
    RoundRecord& Round(uint32_t round);
    /// \param nodeId a node id \return the ES index (aborts if not an ES)
    uint32_t Index(uint32_t nodeId) const;
    /// \return energy spent by all edge servers so far, in J
    double TotalEnergyJ() const;

    const TrainingScenario& m_scenario;    //!< the scenario
    std::shared_ptr<const Dataset> m_test; //!< the held-out set
    uint32_t m_evaluateEvery;              //!< evaluation period, in rounds
    uint32_t m_maxRounds{0};               //!< the server's MaxRounds
    Ptr<LearningModel> m_evaluator;        //!< evaluates W_t
    ModelEvaluation m_initial;             //!< evaluation of W_0
    ModelEvaluation m_last;                //!< last evaluation
    std::ostream* m_progress{nullptr};     //!< progress lines
    std::vector<RoundRecord> m_rounds;     //!< by round
    std::vector<WorkerRecord> m_workers;   //!< by ES index
    std::vector<int64_t> m_indexOfNode;    //!< node id -> ES index (-1: none)
    double m_epochTaskEnergyJ{0.0};        //!< task energy placed in the running epoch, in J
    std::vector<uint32_t> m_trainingRows;  //!< union of the shards (when the loss is tracked)
    double m_initialTrainingLoss{std::numeric_limits<double>::quiet_NaN()}; //!< F(W_0)
    bool m_hasBound{false};                                     //!< SetConvergenceBound was called
    ConvergenceConstants m_boundConstants;                      //!< mu, L, zeta1, zeta2
    double m_optimum{std::numeric_limits<double>::quiet_NaN()}; //!< F*
    TrainingCostAccountant m_cost; //!< prices rented time, bytes and energy
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_TRAINING_RECORDER_H */
