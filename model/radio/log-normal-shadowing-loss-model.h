/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_LOG_NORMAL_SHADOWING_LOSS_MODEL_H
#define EDGE_DML_LOG_NORMAL_SHADOWING_LOSS_MODEL_H

#include "ns3/propagation-loss-model.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <unordered_map>

namespace ns3
{

class MobilityModel;

namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Log-normal shadowing: adds a loss X ~ N(0, sigma) dB that is fixed
 * per unordered pair of mobility models (the system model, "Task scheduling", sigma 8 dB).
 *
 * Meant to be chained after a path-loss model with SetNext, e.g.
 * `logDistance->SetNext(shadowing)`. The same link has the same shadowing in
 * both directions and at every call, as for a static obstacle.
 *
 * How the per-pair draw is made, so that memory stays proportional to the
 * number of mobility models and not to the number of pairs (10,000 edge
 * servers x 5,000 publishers are 50 M pairs): the first time a mobility model
 * is seen it gets a 64-bit key drawn from the model's UniformRandomVariable
 * (two 32-bit draws; cached with a reference to the model). The shadowing of
 * a pair is then a deterministic function of the two keys, taken in sorted
 * order (so it is symmetric): a 64-bit mixing hash of the pair yields two
 * uniforms in (0, 1) and the Box-Muller transform turns them into a standard
 * normal. Same seed, run and stream therefore give the same shadowing; the
 * only randomness comes from the ns-3 stream set by AssignStreams (one
 * stream). The keys depend on the order in which models are first seen.
 *
 * ns-3's own RandomPropagationLossModel redraws at every call; this model
 * does not.
 */
class LogNormalShadowingLossModel : public PropagationLossModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LogNormalShadowingLossModel();
    ~LogNormalShadowingLossModel() override;

    LogNormalShadowingLossModel(const LogNormalShadowingLossModel&) = delete;
    LogNormalShadowingLossModel& operator=(const LogNormalShadowingLossModel&) = delete;

    /**
     * \brief The shadowing loss of a link (the amount DoCalcRxPower subtracts).
     * \param a one end
     * \param b the other end
     * \return the loss, in dB (N(0, StandardDeviationDb) over pairs)
     */
    double GetShadowingLossDb(Ptr<MobilityModel> a, Ptr<MobilityModel> b) const;

  private:
    double DoCalcRxPower(double txPowerDbm,
                         Ptr<MobilityModel> a,
                         Ptr<MobilityModel> b) const override;
    int64_t DoAssignStreams(int64_t stream) override;
    void DoDispose() override;

    /**
     * \brief The key of a mobility model, drawn on first sight.
     * \param model the model
     * \return its 64-bit key
     */
    uint64_t GetKey(const Ptr<MobilityModel>& model) const;

    /// A cached key, with a reference that keeps its model (and address) alive.
    struct KeyEntry
    {
        Ptr<MobilityModel> model; //!< the model, so its address is not reused
        uint64_t key;             //!< its key
    };

    double m_standardDeviationDb;    //!< sigma of the shadowing, in dB
    Ptr<UniformRandomVariable> m_rv; //!< draws the per-model keys
    /// Key per mobility model.
    mutable std::unordered_map<const MobilityModel*, KeyEntry> m_keys;
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_LOG_NORMAL_SHADOWING_LOSS_MODEL_H */
