/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "convergence-bound-helper.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/worker-application.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace ns3
{
namespace edgedml
{

NS_LOG_COMPONENT_DEFINE("ConvergenceBoundHelper");

namespace
{

/// Iteration limit of the centralised run (from the run's final model, which
/// is already near the optimum).
constexpr uint32_t MAX_ITERATIONS = 300;
/// Largest certificate slack ||grad F||^2 / (2 mu), relative to F, for which
/// the certified lower bound is used as F*.
constexpr double CERTIFIED_SLACK = 1e-3;
/// Its tolerance on ||grad F||: F - F* <= ||grad F||^2 / (2 mu).
constexpr double GRADIENT_TOLERANCE = 1e-6;

/// 64-bit FNV-1a, extended over successive calls.
class Fnv
{
  public:
    /// \param data bytes \param size their number
    void Add(const void* data, std::size_t size)
    {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t k = 0; k < size; ++k)
        {
            m_hash ^= bytes[k];
            m_hash *= 1099511628211ULL;
        }
    }

    /// \return the hash as 16 hex digits
    std::string Hex() const
    {
        std::ostringstream s;
        s << std::hex << std::setw(16) << std::setfill('0') << m_hash;
        return s.str();
    }

  private:
    uint64_t m_hash{14695981039346656037ULL}; //!< the state
};

} // namespace

ConvergenceBoundHelper::ConvergenceBoundHelper(const TrainingScenario& scenario)
    : m_scenario(scenario)
{
    NS_ABORT_MSG_UNLESS(scenario.model && scenario.train && scenario.server,
                        "ConvergenceBoundHelper: the scenario is not installed");
    for (const auto& shard : scenario.shards)
    {
        m_rows.insert(m_rows.end(), shard.begin(), shard.end());
    }
    m_start = scenario.server->GetParameters();
    m_constants.mu = std::nan("");
    m_constants.smoothness = std::nan("");
    m_available = !m_rows.empty() && scenario.model->GetCurvatureBounds(*scenario.train,
                                                                        m_rows,
                                                                        m_constants.mu,
                                                                        m_constants.smoothness);
    m_available = m_available && m_constants.mu > 0.0;
    NS_LOG_INFO("mu " << m_constants.mu << " L " << m_constants.smoothness);
}

bool
ConvergenceBoundHelper::IsAvailable() const
{
    return m_available;
}

double
ConvergenceBoundHelper::GetMu() const
{
    return m_constants.mu;
}

double
ConvergenceBoundHelper::GetSmoothness() const
{
    return m_constants.smoothness;
}

void
ConvergenceBoundHelper::SetLearningRateOneOverL() const
{
    NS_ABORT_MSG_UNLESS(m_available, "ConvergenceBoundHelper: the model's L is not known");
    for (uint32_t i = 0; i < m_scenario.workers.GetN(); ++i)
    {
        Ptr<WorkerApplication> worker = DynamicCast<WorkerApplication>(m_scenario.workers.Get(i));
        NS_ABORT_MSG_UNLESS(worker, "ConvergenceBoundHelper: application " << i << " is no worker");
        worker->GetTrainer()->SetAttribute("LearningRate",
                                           DoubleValue(1.0 / m_constants.smoothness));
    }
}

std::string
ConvergenceBoundHelper::CacheKey() const
{
    const Dataset& data = *m_scenario.train;
    Fnv samples;
    for (uint32_t row : m_rows)
    {
        samples.Add(&row, sizeof(row));
        samples.Add(data.features.row(row).data(), sizeof(float) * data.features.cols());
        samples.Add(&data.labels[row], sizeof(data.labels[row]));
    }
    Fnv start;
    start.Add(m_start.data(), sizeof(double) * m_start.size());
    std::ostringstream key;
    key << std::setprecision(17) << m_scenario.model->GetInstanceTypeId().GetName()
        << "|lambda=" << m_scenario.model->GetL2Regularisation()
        << "|parameters=" << m_scenario.model->GetNumParameters() << "|rows=" << m_rows.size()
        << "|samples=" << samples.Hex() << "|start=" << start.Hex()
        << "|tolerance=" << GRADIENT_TOLERANCE;
    return key.str();
}

bool
ConvergenceBoundHelper::Apply(TrainingRecorder& recorder, const std::string& cacheFile)
{
    if (!m_available)
    {
        return false;
    }
    const std::string key = CacheKey();
    m_cached = false;
    m_iterations = 0;
    if (!cacheFile.empty())
    {
        std::ifstream in(cacheFile);
        std::string line;
        while (std::getline(in, line))
        {
            std::istringstream fields(line);
            std::string lineKey;
            double optimum = 0.0;
            double zeta1 = 0.0;
            double zeta2 = 0.0;
            if (std::getline(fields, lineKey, '\t') && lineKey == key &&
                (fields >> optimum >> zeta1 >> zeta2) && std::isfinite(optimum) &&
                std::isfinite(zeta1) && std::isfinite(zeta2))
            {
                m_optimum = optimum;
                m_constants.zeta1 = zeta1;
                m_constants.zeta2 = zeta2;
                m_cached = true;
            }
        }
    }
    if (!m_cached)
    {
        const CentralisedOptimum optimum =
            FindCentralisedOptimum(*m_scenario.model,
                                   *m_scenario.train,
                                   m_rows,
                                   m_scenario.server->GetParameters(),
                                   m_constants.mu,
                                   MAX_ITERATIONS,
                                   GRADIENT_TOLERANCE);
        // The certified lower bound (the gap F(W_t) - F* is never understated)
        // when it is tight; otherwise (a weakly convex objective stopped by the
        // iteration limit) the best value found, as a long centralised run gives.
        const double slack = optimum.loss - optimum.lowerBound;
        m_optimum =
            slack <= CERTIFIED_SLACK * std::fabs(optimum.loss) ? optimum.lowerBound : optimum.loss;
        m_iterations = optimum.iterations;
        EstimateGradientBound(*m_scenario.model,
                              *m_scenario.train,
                              m_rows,
                              m_start,
                              optimum.parameters,
                              m_constants.zeta1,
                              m_constants.zeta2);
        NS_LOG_INFO("F* in [" << optimum.lowerBound << ", " << optimum.loss << "] after "
                              << optimum.iterations << " BFGS iterations; zeta1 "
                              << m_constants.zeta1 << " zeta2 " << m_constants.zeta2);
        if (!cacheFile.empty())
        {
            // Append to a copy, then rename it over the cache: whole or unchanged.
            const std::string partial = cacheFile + ".partial";
            {
                std::ifstream in(cacheFile);
                std::ofstream out(partial, std::ios::trunc);
                out << in.rdbuf();
                out.clear();
                out << std::setprecision(17) << key << "\t" << m_optimum << " " << m_constants.zeta1
                    << " " << m_constants.zeta2 << "\n";
                out.flush();
                if (!out || std::rename(partial.c_str(), cacheFile.c_str()) != 0)
                {
                    std::remove(partial.c_str());
                    NS_LOG_WARN("could not write the cache " << cacheFile);
                }
            }
        }
    }
    recorder.SetConvergenceBound(m_constants, m_optimum);
    return true;
}

const ConvergenceConstants&
ConvergenceBoundHelper::GetConstants() const
{
    return m_constants;
}

double
ConvergenceBoundHelper::GetOptimum() const
{
    return m_optimum;
}

bool
ConvergenceBoundHelper::WasCached() const
{
    return m_cached;
}

uint32_t
ConvergenceBoundHelper::GetOptimumIterations() const
{
    return m_iterations;
}

} // namespace edgedml
} // namespace ns3
