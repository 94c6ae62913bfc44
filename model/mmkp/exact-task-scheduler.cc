/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "exact-task-scheduler.h"

#include "greedy-task-scheduler.h"
#include "lagrangian-bound.h"
#include "lagrangian-subgradient.h"
#include "mmkp-feasibility-repair.h"
#include "mmkp-search-state.h"
#include "search-deadline.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/ClpEventHandler.hpp>
#include <coin/CoinMessageHandler.hpp>
#include <coin/OsiClpSolverInterface.hpp>
#include <limits>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("ExactTaskScheduler");
NS_OBJECT_ENSURE_REGISTERED(ExactTaskScheduler);

namespace
{

/// CBC reports "no bound" as values around COIN_DBL_MAX; anything this large is no bound.
constexpr double HUGE_OBJECTIVE = 1e50;

/// Largest item value CLP takes (it asserts on objective coefficients from 1e25 on).
constexpr double MAX_ITEM_VALUE = 1e20;

/**
 * The reduced 0-1 model in column-major (CSC) form, ready for CLP/CBC.
 * CBC minimises, so the objective holds the negated item values.
 */
struct MilpModel
{
    std::vector<int64_t> columnItem; //!< global item index of each column
    std::vector<CoinBigIndex> start; //!< column starts, one more than columns
    std::vector<int> rowIndex;       //!< row of each nonzero
    std::vector<double> element;     //!< coefficient of each nonzero
    std::vector<double> objective;   //!< per column, minus the item value
    std::vector<double> rowLower;    //!< per row
    std::vector<double> rowUpper;    //!< per row
    bool infeasible{false};          //!< some class has no usable item under MustAssignAll

    /// \return the number of columns
    int NumColumns() const
    {
        return static_cast<int>(columnItem.size());
    }

    /// \return the number of rows
    int NumRows() const
    {
        return static_cast<int>(rowLower.size());
    }
};

/**
 * Build the reduced model: rows are classes [0, q), then resources [q, q + R)
 * when disjoint, then dimensions. Items heavier than a capacity (beyond the
 * validator's tolerance) and, when rejecting is allowed, items of value <= 0
 * get no column.
 */
MilpModel
BuildModel(const MmkpInstance& instance)
{
    MilpModel model;
    const uint32_t q = instance.GetNumClasses();
    const uint32_t dims = instance.GetNumDimensions();
    const bool disjoint = instance.AreResourcesDisjoint();
    const uint32_t resources = disjoint ? instance.GetNumResources() : 0;
    const bool mustAssignAll = instance.MustAssignAll();
    const int resourceRow0 = static_cast<int>(q);
    const int dimensionRow0 = static_cast<int>(q + resources);

    model.rowLower.assign(dimensionRow0 + dims, -COIN_DBL_MAX);
    model.rowUpper.assign(dimensionRow0 + dims, 1.0);
    std::vector<double> maxWeight(dims);
    for (uint32_t d = 0; d < dims; ++d)
    {
        const double capacity = instance.GetCapacity(d);
        model.rowUpper[dimensionRow0 + d] = capacity;
        maxWeight[d] = capacity + 1e-9 * std::max(capacity, 1.0); // as CheckMmkpAssignment
    }

    model.start.push_back(0);
    for (uint32_t j = 0; j < q; ++j)
    {
        if (mustAssignAll)
        {
            model.rowLower[j] = 1.0;
        }
        bool usable = false;
        for (int64_t k = instance.GetFirstItem(j); k < instance.GetEndItem(j); ++k)
        {
            const double value = instance.GetValue(k);
            if (!mustAssignAll && value <= 0.0)
            {
                continue;
            }
            NS_ABORT_MSG_IF(std::fabs(value) > MAX_ITEM_VALUE,
                            "ExactTaskScheduler: item "
                                << k << " has value " << value
                                << ", beyond CBC's range (|value| <= " << MAX_ITEM_VALUE
                                << "); scale the instance's values");
            const double* w = instance.GetWeights(k);
            bool fits = true;
            for (uint32_t d = 0; d < dims && fits; ++d)
            {
                fits = w[d] <= maxWeight[d];
            }
            if (!fits)
            {
                continue;
            }
            usable = true;
            model.rowIndex.push_back(static_cast<int>(j));
            model.element.push_back(1.0);
            const int32_t resource = instance.GetResource(k);
            if (disjoint && resource != MmkpInstance::NO_RESOURCE)
            {
                model.rowIndex.push_back(resourceRow0 + resource);
                model.element.push_back(1.0);
            }
            for (uint32_t d = 0; d < dims; ++d)
            {
                if (w[d] != 0.0)
                {
                    model.rowIndex.push_back(dimensionRow0 + static_cast<int>(d));
                    model.element.push_back(w[d]);
                }
            }
            model.start.push_back(static_cast<CoinBigIndex>(model.rowIndex.size()));
            model.columnItem.push_back(k);
            model.objective.push_back(-value);
        }
        if (mustAssignAll && !usable)
        {
            model.infeasible = true;
        }
    }
    return model;
}

/// Load a model into a silent CLP interface.
void
LoadModel(const MilpModel& model, OsiClpSolverInterface& solver)
{
    solver.messageHandler()->setLogLevel(0);
    solver.getModelPtr()->messageHandler()->setLogLevel(0);
    const std::vector<double> columnLower(model.NumColumns(), 0.0);
    const std::vector<double> columnUpper(model.NumColumns(), 1.0);
    solver.loadProblem(model.NumColumns(),
                       model.NumRows(),
                       model.start.data(),
                       model.rowIndex.data(),
                       model.element.data(),
                       columnLower.data(),
                       columnUpper.data(),
                       model.objective.data(),
                       model.rowLower.data(),
                       model.rowUpper.data());
}

/// A number as a CBC command-line argument, without loss of precision.
std::string
Arg(double value)
{
    std::ostringstream os;
    os.precision(17);
    os << value;
    return os.str();
}

/**
 * Stops every simplex solve of CLP (the root LP, cut rounds, nodes) at the
 * solve's deadline, which CBC's own time limit does not cover.
 */
class DeadlineEventHandler : public ClpEventHandler
{
  public:
    /// \param deadline the deadline
    explicit DeadlineEventHandler(const SearchDeadline& deadline)
        : m_deadline(deadline)
    {
    }

    int event(Event whichEvent) override
    {
        return whichEvent == endOfIteration && m_deadline.IsExpired() ? 0 : -1;
    }

    ClpEventHandler* clone() const override
    {
        return new DeadlineEventHandler(*this);
    }

  private:
    SearchDeadline m_deadline; //!< when to stop
};

/**
 * The heuristic fallback: the paper's greedy with the classes in index order and,
 * when it leaves a class of a MustAssignAll instance unplaced, the
 * feasibility-first repair. No random draw.
 * \param instance the instance \param deadline the solve's deadline
 * \param[out] start the assignment
 * \return whether it is feasible
 */
bool
BuildFallback(const MmkpInstance& instance,
              const SearchDeadline& deadline,
              std::vector<int64_t>& start)
{
    MmkpSearchState state(instance);
    std::vector<uint32_t> order(instance.GetNumClasses());
    std::iota(order.begin(), order.end(), 0U);
    if (!BuildGreedyAssignment(state, order) &&
        !MmkpFeasibilityRepair::MakeFeasible(state, deadline))
    {
        return false;
    }
    start = state.GetAssignment();
    return true;
}

/**
 * A Lagrangian bound when CBC gives none: a few subgradient steps towards a
 * known objective.
 * \param instance the instance \param known a known objective (base included)
 * \return the bound (base included)
 */
double
FallbackBound(const MmkpInstance& instance, double known)
{
    const uint32_t resources = instance.AreResourcesDisjoint() ? instance.GetNumResources() : 0;
    LagrangianSubgradient subgradient(instance, resources, 1.0, 8, 1e-9);
    LagrangianSubgradient::Hooks hooks;
    hooks.lowerBound = [&instance, known](double& lower) {
        lower = known - instance.GetBaseValue();
        return true;
    };
    subgradient.Run(30, hooks);
    return ComputeLagrangianBound(instance, subgradient.ToRaw(subgradient.GetBestMultipliers()));
}

} // namespace

TypeId
ExactTaskScheduler::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::edgedml::ExactTaskScheduler")
            .SetParent<TaskScheduler>()
            .SetGroupName("EdgeDml")
            .AddConstructor<ExactTaskScheduler>()
            .AddAttribute("TimeLimitS",
                          "Wall-clock limit of one solve, in seconds, the root LP and the cut "
                          "rounds included; at the limit the best solution and CBC's bound are "
                          "returned (status feasible).",
                          DoubleValue(60.0),
                          MakeDoubleAccessor(&ExactTaskScheduler::m_timeLimitS),
                          MakeDoubleChecker<double>(1e-3, 1e7))
            .AddAttribute("RelativeGap",
                          "CBC stops when (bound - best) / |best| is below this fraction; 0 "
                          "proves optimality.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ExactTaskScheduler::m_relativeGap),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("AbsoluteGap",
                          "CBC stops when bound - best is below this, in objective (utility) "
                          "units; also the least improvement CBC looks for between solutions.",
                          DoubleValue(1e-10),
                          MakeDoubleAccessor(&ExactTaskScheduler::m_absoluteGap),
                          MakeDoubleChecker<double>(0.0, 1e15))
            .AddAttribute("MaxNodes",
                          "Limit on branch-and-bound nodes of one solve; 0 for no limit.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&ExactTaskScheduler::m_maxNodes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("HeuristicFallback",
                          "Whether a heuristic solution is built first (the greedy in class "
                          "order, repaired when a Strict instance needs it) and returned when "
                          "CBC stops at the time limit without a better one.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&ExactTaskScheduler::m_heuristicFallback),
                          MakeBooleanChecker())
            .AddAttribute("UsePreprocessing",
                          "Whether CBC preprocesses the integer program (CglPreProcess) "
                          "before branch and bound.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&ExactTaskScheduler::m_usePreprocessing),
                          MakeBooleanChecker());
    return tid;
}

ExactTaskScheduler::ExactTaskScheduler()
{
    NS_LOG_FUNCTION(this);
}

ExactTaskScheduler::~ExactTaskScheduler()
{
    NS_LOG_FUNCTION(this);
}

int64_t
ExactTaskScheduler::DoAssignStreams(int64_t /* stream */)
{
    return 0; // deterministic: no random variable
}

double
ExactTaskScheduler::SolveLpRelaxationBound(const MmkpInstance& instance) const
{
    NS_LOG_FUNCTION(this << instance.GetNumClasses() << instance.GetNumItems());
    const MilpModel model = BuildModel(instance);
    if (model.infeasible)
    {
        return -std::numeric_limits<double>::infinity();
    }
    if (model.NumColumns() == 0)
    {
        return instance.GetBaseValue(); // every class rejected is the only choice
    }
    OsiClpSolverInterface solver;
    LoadModel(model, solver);
    solver.initialSolve();
    if (solver.isProvenOptimal())
    {
        return instance.GetBaseValue() - solver.getObjValue();
    }
    if (solver.isProvenPrimalInfeasible())
    {
        return -std::numeric_limits<double>::infinity();
    }
    NS_LOG_WARN("CLP stopped without solving the LP relaxation");
    return std::numeric_limits<double>::infinity();
}

TaskScheduler::Result
ExactTaskScheduler::DoSchedule(const MmkpInstance& instance)
{
    NS_LOG_FUNCTION(this << instance.GetNumClasses() << instance.GetNumItems());
    const SearchDeadline deadline(m_timeLimitS);
    const uint32_t q = instance.GetNumClasses();
    const bool mustAssignAll = instance.MustAssignAll();
    const double base = instance.GetBaseValue();
    Result result;
    result.assignment.assign(q, MmkpInstance::REJECTED);

    const MilpModel model = BuildModel(instance);
    if (model.infeasible)
    {
        result.status = SolveStatus::INFEASIBLE;
        result.upperBound = -std::numeric_limits<double>::infinity();
        return result;
    }
    if (model.NumColumns() == 0)
    {
        // Only possible when rejecting is allowed (or q = 0): all rejected is optimal.
        result.status = SolveStatus::OPTIMAL;
        result.upperBound = base;
        return result;
    }

    // The heuristic fallback: the answer if CBC is stopped before it finds a
    // better solution. (Given to CBC as a MIP start it made CBC skip the root
    // heuristics that find its good incumbents on hard instances.)
    std::vector<int64_t> start;
    const bool haveStart = m_heuristicFallback && BuildFallback(instance, deadline, start);
    const double startObjective =
        haveStart ? instance.Evaluate(start) : -std::numeric_limits<double>::infinity();
    // A Lagrangian bound, in case CBC is stopped before it has a valid one.
    const double fallbackBound = FallbackBound(instance, haveStart ? startObjective : base);

    OsiClpSolverInterface solver;
    LoadModel(model, solver);
    for (int c = 0; c < model.NumColumns(); ++c)
    {
        solver.setInteger(c);
    }
    // Every LP solve stops at the deadline, which CBC's time limit does not
    // cover (the root LP and the cut rounds).
    DeadlineEventHandler stopAtDeadline(deadline);
    solver.getModelPtr()->passInEventHandler(&stopAtDeadline);
    CbcModel cbc(solver);
    CbcSolverUsefulData solverData;
    CbcMain0(cbc, solverData);
    NS_LOG_DEBUG("before CBC: " << deadline.GetRemainingS() << " s left");
    cbc.setLogLevel(0);
    cbc.messageHandler()->setLogLevel(0);
    // The CBC driver's parameters, as on its command line; "-log 0 -slog 0"
    // silence the driver, CBC and CLP.
    std::vector<std::string> args{"edge-dml-exact",
                                  "-log",
                                  "0",
                                  "-slog",
                                  "0",
                                  "-threads",
                                  "0",
                                  "-timeMode",
                                  "elapsed",
                                  "-seconds",
                                  Arg(std::max(deadline.GetRemainingS(), 1e-3)),
                                  "-allowableGap",
                                  Arg(m_absoluteGap),
                                  "-ratioGap",
                                  Arg(m_relativeGap),
                                  "-increment",
                                  Arg(std::max(m_absoluteGap, 1e-12)),
                                  "-preprocess",
                                  m_usePreprocessing ? "sos" : "off"};
    if (m_maxNodes > 0)
    {
        args.emplace_back("-maxNodes");
        args.emplace_back(std::to_string(m_maxNodes));
    }
    args.emplace_back("-solve");
    args.emplace_back("-quit");
    std::vector<const char*> argv;
    for (const auto& a : args)
    {
        argv.push_back(a.c_str());
    }
    if (!deadline.IsExpired())
    {
        CbcMain1(static_cast<int>(argv.size()), argv.data(), cbc, nullptr, solverData);
    }

    // Stopped at the deadline before branching, CBC may hold the objective
    // of an interrupted LP, which bounds nothing: then only the Lagrangian
    // bound is used.
    const bool stoppedEarly = deadline.IsExpired();
    const double cbcBound = cbc.getBestPossibleObjValue();
    double bound = std::abs(cbcBound) < HUGE_OBJECTIVE && !(stoppedEarly && cbc.getNodeCount() == 0)
                       ? std::min(base - cbcBound, fallbackBound)
                       : fallbackBound;
    NS_LOG_DEBUG("CBC: optimal " << cbc.isProvenOptimal() << " infeasible "
                                 << cbc.isProvenInfeasible() << " nodes " << cbc.getNodeCount()
                                 << " bound " << bound << " stopped " << stoppedEarly);

    const double* x = cbc.bestSolution();
    if (!x)
    {
        if (cbc.isProvenInfeasible() && mustAssignAll && !stoppedEarly && !haveStart)
        {
            result.status = SolveStatus::INFEASIBLE;
            result.upperBound = -std::numeric_limits<double>::infinity();
        }
        else if (haveStart)
        {
            // Stopped before CBC found anything: the heuristic's solution.
            result.assignment = start;
            result.status = SolveStatus::FEASIBLE;
            result.upperBound = bound;
        }
        else if (mustAssignAll)
        {
            result.status = SolveStatus::NO_SOLUTION_FOUND;
            result.upperBound = bound;
        }
        else
        {
            // Rejecting every class is feasible; CBC stopped before finding better.
            result.status = SolveStatus::FEASIBLE;
            result.upperBound = std::max(bound, base);
        }
        return CheckBound(instance, fallbackBound, result);
    }

    // Round the binary solution; keep at most one item per class.
    bool proven = cbc.isProvenOptimal() && !stoppedEarly;
    for (int c = 0; c < model.NumColumns(); ++c)
    {
        if (x[c] > 0.5)
        {
            const int64_t item = model.columnItem[c];
            const uint32_t j = instance.GetClassOf(item);
            if (result.assignment[j] == MmkpInstance::REJECTED ||
                instance.GetValue(item) > instance.GetValue(result.assignment[j]))
            {
                proven = proven && result.assignment[j] == MmkpInstance::REJECTED;
                result.assignment[j] = item;
            }
        }
    }
    MmkpCheck check = CheckMmkpAssignment(instance, result.assignment);
    if (!check.feasible)
    {
        NS_LOG_WARN("CBC's rounded solution fails the validator: " << check.reason);
        proven = false;
        if (mustAssignAll)
        {
            result.assignment.assign(q, MmkpInstance::REJECTED);
            result.status = SolveStatus::NO_SOLUTION_FOUND;
            result.upperBound = bound;
            if (haveStart)
            {
                result.assignment = start;
                result.status = SolveStatus::FEASIBLE;
            }
            return CheckBound(instance, fallbackBound, result);
        }
        // Reject the chosen items of lowest value until the assignment passes.
        std::vector<uint32_t> chosen;
        for (uint32_t j = 0; j < q; ++j)
        {
            if (result.assignment[j] != MmkpInstance::REJECTED)
            {
                chosen.push_back(j);
            }
        }
        std::sort(chosen.begin(), chosen.end(), [&](uint32_t a, uint32_t b) {
            return instance.GetValue(result.assignment[a]) <
                   instance.GetValue(result.assignment[b]);
        });
        for (uint32_t j : chosen)
        {
            result.assignment[j] = MmkpInstance::REJECTED;
            check = CheckMmkpAssignment(instance, result.assignment);
            if (check.feasible)
            {
                break;
            }
        }
    }
    if (haveStart && startObjective > instance.Evaluate(result.assignment))
    {
        result.assignment = start; // CBC's incumbent, as rounded, is worse than the heuristic's
        proven = false;
    }
    result.status = proven ? SolveStatus::OPTIMAL : SolveStatus::FEASIBLE;
    result.upperBound = std::max(bound, instance.Evaluate(result.assignment));
    return CheckBound(instance, fallbackBound, result);
}

TaskScheduler::Result
ExactTaskScheduler::CheckBound(const MmkpInstance& instance,
                               double fallbackBound,
                               Result& result) const
{
    // A bound below the returned objective (CBC stopped in an LP, or no
    // bound at all) is replaced by the Lagrangian bound.
    if (result.status != SolveStatus::FEASIBLE)
    {
        return result;
    }
    const double objective = instance.Evaluate(result.assignment);
    if (!std::isfinite(result.upperBound) ||
        result.upperBound < objective - 1e-9 * (1.0 + std::abs(objective)))
    {
        result.upperBound = std::max(fallbackBound, objective);
    }
    return result;
}

} // namespace edgedml
} // namespace ns3
