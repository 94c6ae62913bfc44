/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_WORKER_APPLICATION_H
#define EDGE_DML_WORKER_APPLICATION_H

#include "parameter-encoding.h"
#include "parameter-message.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/dataset.h"
#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <Eigen/Dense>
#include <memory>
#include <vector>

namespace ns3
{
namespace edgedml
{

class EdgeServer;
class LearningModel;
class LocalTrainer;

/**
 * \ingroup edge-dml
 * \brief An edge server's side of synchronous SGD (MODEL.md section 4).
 *
 * Receives the parameter server's model broadcast of round t (a message
 * numbered t, see SendParameterMessage). When the whole model arrived
 * (c_i = 1) and the node's EdgeServer is online, not busy with a task and not
 * already computing, the worker runs the LocalTrainer on its shard (tau
 * local SGD steps), then occupies the EdgeServer CPU for
 * CyclesPerBit * BitsPerSample * (samples processed) cycles through
 * EdgeServer::Compute (so the compute time is cycles / f_i and the energy is
 * charged), waits an optional straggler delay (StragglerDelayS, e.g. a
 * shift plus an exponential; idle, no energy), then uploads its parameters
 * as message t to Remote. The
 * arithmetic of the steps is done when training starts; only the simulated
 * time and energy follow the CPU model. A broadcast that arrives while the
 * worker cannot train is ignored (the parameter server learns of busy and
 * offline workers itself and sees the rest as missing).
 *
 * The node needs an EdgeServer (EdgeServerHelper). The learning context
 * (model, trainer, data set and shard) is set with SetLearning, usually by
 * TrainingHelper.
 */
class WorkerApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    WorkerApplication();
    ~WorkerApplication() override;

    /**
     * \brief Set what the worker trains.
     * \param model the model (may be shared by workers: training is instantaneous in simulated
     *        time, and the worker keeps its own result)
     * \param trainer the local trainer (tau, b, eta; its own random stream)
     * \param data the data set
     * \param rows the worker's shard (its s_i samples; non-empty)
     */
    void SetLearning(Ptr<LearningModel> model,
                     Ptr<LocalTrainer> trainer,
                     std::shared_ptr<const Dataset> data,
                     std::vector<uint32_t> rows);

    /// \param serverId the parameter server's sender id (its node id); other senders are ignored
    void SetServerId(uint32_t serverId);

    /// \return the worker's sender id (its node id)
    uint32_t GetWorkerId() const;

    /// \return the rounds in which the worker uploaded an update
    uint32_t GetUpdatesSent() const;

    /// \return the worker's shard
    const std::vector<uint32_t>& GetRows() const;

    /// \return the local trainer (null before SetLearning)
    Ptr<LocalTrainer> GetTrainer() const;

    /**
     * \brief Use fixed random streams (the trainer's batch draws, then the
     * straggler delay if set).
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * TracedCallback signature for round events of a worker.
     * \param round the round
     */
    typedef void (*RoundTracedCallback)(uint32_t round);

  private:
    void StartApplication() override;
    void StopApplication() override;
    void DoDispose() override;

    /// \param socket the socket with data
    void HandleRead(Ptr<Socket> socket);
    /**
     * \brief A whole model broadcast arrived.
     * \param round its round
     * \param bytes the encoded parameters
     */
    void ModelReceived(uint32_t round, const std::vector<uint8_t>& bytes);
    /// Local compute ended: wait the straggler delay, then upload.
    void ComputeDone();
    /// Upload the update of m_trainingRound.
    void Upload();

    TypeId m_protocol;             //!< socket factory type
    Address m_local;               //!< local address to bind (receives the broadcast)
    Address m_remote;              //!< the parameter server's address
    uint32_t m_packetPayloadBytes; //!< socket payload per packet, header included, in bytes
    ParameterEncoding m_encoding;  //!< wire format of the parameters
    double m_cyclesPerBit;         //!< kappa, CPU cycles per bit of training data
    double m_bitsPerSample;        //!< bits of one training sample
    Ptr<RandomVariableStream> m_stragglerDelayS; //!< extra delay before the upload, in s (or null)
    EventId m_uploadEvent;                       //!< pending upload after the straggler delay
    uint32_t m_serverId;                         //!< the parameter server's sender id
    Ptr<Socket> m_socket;                        //!< the socket
    Ptr<EdgeServer> m_edgeServer;                //!< the node's edge server
    Ptr<LearningModel> m_model;                  //!< the model
    Ptr<LocalTrainer> m_trainer;                 //!< the local trainer
    std::shared_ptr<const Dataset> m_data;       //!< the data set
    std::vector<uint32_t> m_rows;                //!< the shard
    ParameterMessageAssembler m_assembler;       //!< broadcast reassembly
    int64_t m_lastRound;      //!< newest round whose broadcast arrived (-1: none)
    uint32_t m_trainingRound; //!< round of the update being computed
    Eigen::VectorXd m_update; //!< the update being computed
    uint32_t m_updatesSent;   //!< updates uploaded

    TracedCallback<uint32_t> m_modelReceivedTrace; //!< whole broadcast received
    TracedCallback<uint32_t> m_trainingStartTrace; //!< local training started
    TracedCallback<uint32_t> m_updateSentTrace;    //!< update uploaded
};

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_WORKER_APPLICATION_H */
