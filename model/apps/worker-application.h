// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_WORKER_APPLICATION_H
#define CODED_LEARNING_WORKER_APPLICATION_H

#include "compute-time-model.h"
#include "learning-setup.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/message-transport.h"
#include "ns3/traced-callback.h"
#include "ns3/wire-codec.h"

#include <deque>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief A worker of distributed training.
 *
 * It receives the model of an iteration (MODEL) and coding tasks (TASK) from the parameter
 * server. For each task, in arrival order, it computes the real coded result
 * f = sum_k c_k [grad_k; loss_k] with its model on the shared training set (the loss rides
 * along as the last entry, so the server decodes the training loss like the gradient),
 * then waits the compute time drawn from its ComputeTimeModel for the task's load before it
 * sends the result (RESULT) with that compute time, so that the server can tell compute time
 * from network time. CANCEL drops the queued and running work of an iteration.
 * A task that needs training rows the worker neither stores (LearningSetup::GetPlacement) nor
 * receives with the task (raw samples) is refused (dropped and counted).
 * With UplinkAdmission on, a finished result is first announced by its size (REPORT) and sent
 * only when the server grants it (GRANT), so that the server's Lyapunov scheduler decides who
 * uploads when. ComputeStarted and ComputeEnded report each task's computation (its samples,
 * drawn time and the time it actually computed), which the energy accounting prices; PowerOff()
 * stops the worker for good when its battery is empty (doc/energy.rst).
 * With ModelRepair on (the server broadcasts the model), a MODEL addressed to all workers
 * (CodedLearningHeader::ALL_WORKERS) is accepted too; when the iteration's model is still
 * incomplete ModelRepairTimeout after its last new chunk (or after a TASK that arrived without
 * it), the worker sends a NACK naming the missing chunks (every chunk if none arrived), and
 * again after each further timeout until the model is whole or its iteration is over.
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

    /**
     * TracedCallback signature of task events.
     * \param iteration the iteration
     * \param task the task id
     * \param load the task's load (partition-equivalents)
     * \param computeTime the drawn compute time (zero when not applicable)
     */
    typedef void (*TaskTracedCallback)(uint32_t iteration,
                                       uint32_t task,
                                       double load,
                                       Time computeTime);

    /**
     * TracedCallback signature of a task named by its iteration and id.
     * \param iteration the iteration
     * \param task the task id
     */
    typedef void (*TaskIdTracedCallback)(uint32_t iteration, uint32_t task);

    /**
     * TracedCallback signature of the start of a task's computation.
     * \param iteration the iteration
     * \param task the task id
     * \param samples the training samples its terms cover (a sample in two terms counts
     *        twice)
     * \param computeTime the drawn compute time
     */
    typedef void (*ComputeStartedTracedCallback)(uint32_t iteration,
                                                 uint32_t task,
                                                 uint64_t samples,
                                                 Time computeTime);

    /**
     * TracedCallback signature of the end of a task's computation, for any reason.
     * \param iteration the iteration
     * \param task the task id
     * \param samples the training samples its terms cover
     * \param computeTime the drawn compute time
     * \param elapsed the time it computed (computeTime when it finished, less when it was
     *        cancelled or the worker stopped)
     */
    typedef void (*ComputeEndedTracedCallback)(uint32_t iteration,
                                               uint32_t task,
                                               uint64_t samples,
                                               Time computeTime,
                                               Time elapsed);

    /**
     * \param setup the shared learning task
     * \param transport this worker's message transport (peer 0 = the server)
     */
    void Setup(Ptr<LearningSetup> setup, Ptr<MessageTransport> transport);

    /// \return this worker's compute-time model
    Ptr<ComputeTimeModel> GetComputeTimeModel() const;

    /**
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// \return the number of tasks completed (results sent)
    uint32_t GetTasksCompleted() const
    {
        return m_tasksCompleted;
    }

    /// \return the number of tasks cancelled (queued or running)
    uint32_t GetTasksCancelled() const
    {
        return m_tasksCancelled;
    }

    /// \return messages dropped as malformed, stale or unexpected
    uint32_t GetMessagesDropped() const
    {
        return m_messagesDropped;
    }

    /// \return tasks whose result was not finite (not sent; NotFiniteResult)
    uint32_t GetResultsNotFinite() const
    {
        return m_resultsNotFinite;
    }

    /**
     * Stops the worker now, for good (its battery is empty): the running task stops
     * (ComputeEnded), queued and held work is dropped and the transport closes, as when the
     * application stops; an application not started yet never starts.
     */
    void PowerOff();

    /// \return whether PowerOff() was called
    bool IsPoweredOff() const
    {
        return m_poweredOff;
    }

    /// \return NACKs of the broadcast model sent (ModelRepair)
    uint32_t GetModelNacksSent() const
    {
        return m_nacksSent;
    }

    /// \return tasks refused because they needed rows the worker does not have
    uint32_t GetTasksRefused() const
    {
        return m_tasksRefused;
    }

    /// \return raw samples received with tasks (raw-sample transfer), over all tasks
    uint64_t GetRawSamplesReceived() const
    {
        return m_rawSamplesReceived;
    }

    /**
     * \return the computation done so far in partition-equivalents: the load of every task
     * computed to the end, and the part of the load of a running task computed before it was
     * cancelled (or the application stopped)
     */
    double GetLoadDone() const
    {
        return m_loadDone;
    }

    /**
     * TracedCallback signature of computation done.
     * \param iteration the task's iteration
     * \param task the task id
     * \param load the load computed (partition-equivalents; a fraction for a cancelled task)
     */
    typedef void (*WorkTracedCallback)(uint32_t iteration, uint32_t task, double load);

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    /// Starts the application (ns3::Application::StartApplication).
    void StartApplication() override;
    /// Stops the application (ns3::Application::StopApplication).
    void StopApplication() override;

    /// A task waiting for its turn.
    struct QueuedTask
    {
        MessageInfo info;     //!< its message identity
        coded::WireTask task; //!< its terms
    };

    /// Transport callback. \param peer the sender \param info its header fields
    /// \param payload the reassembled payload
    void HandleMessage(uint32_t peer, const MessageInfo& info, const std::vector<uint8_t>& payload);

    /// Starts the next task if idle.
    void TryStart();

    /// The running task's compute time has passed: send its result.
    void Finish();

    /// The running task stops computing now: fires ComputeEnded.
    void EndCompute();

    /// \param iteration drop queued and running work of iterations <= this one
    void CancelUpTo(uint32_t iteration);

    /// Counts a dropped message. \param reason why it was dropped
    void DropMessage(const std::string& reason);

    /**
     * A GRANT arrived: send the granted result (empty payload) or the granted chunks of it
     * (a chunk list; chunks sent before go out with FLAG_RETRANSMISSION). The result stays
     * held until its iteration ends, for chunks granted again.
     * \param info the GRANT's header fields \param payload its payload
     */
    void HandleGrant(const MessageInfo& info, const std::vector<uint8_t>& payload);

    /// \param task a task \return whether the worker stores or received every row it needs
    bool HasRows(const coded::WireTask& task) const;

    /// Ends the running task's computation. \param fraction the part of its load done
    void CountWork(double fraction);
    /// \param iteration an iteration \return whether its model (or a later one) is here
    bool HasModelOf(uint32_t iteration) const;
    /**
     * Transport trace sink (ModelRepair): a new chunk arrived; a chunk of the broadcast model
     * restarts the repair timer.
     * \param peer the server \param info its message \param chunk its index
     * \param bytes its payload bytes
     */
    void OnChunk(uint32_t peer, const MessageInfo& info, uint32_t chunk, uint32_t bytes);
    /**
     * (Re)starts the repair timer of an iteration's broadcast model.
     * \param iteration the iteration \param flags the model's precision flags
     * \param restart restart a timer already running for this iteration (else keep it)
     */
    void ArmRepair(uint32_t iteration, uint8_t flags, bool restart);
    /// The repair timer fired: NACK the missing chunks of the model if it is still incomplete.
    void OnRepairTimeout();

    uint16_t m_index;                              //!< worker index
    Ptr<LearningSetup> m_setup;                    //!< learning task
    Ptr<MessageTransport> m_transport;             //!< transport
    Ptr<ComputeTimeModel> m_computeTime;           //!< straggler model
    std::unique_ptr<coded::LearningModel> m_model; //!< local model
    bool m_haveModel{false};                       //!< a model was received
    uint32_t m_iteration{0};                       //!< iteration of the model
    uint32_t m_cancelledUpTo{0};                   //!< CANCEL watermark + 1 (0 = none)
    std::deque<QueuedTask> m_queue;                //!< waiting tasks
    bool m_busy{false};                            //!< a task is running
    MessageInfo m_running;                         //!< the running task
    double m_runningLoad{0};                       //!< the running task's load
    Time m_runningTime;                            //!< the running task's drawn compute time
    uint64_t m_runningSamples{0};                  //!< the running task's samples
    Time m_runningStart;                           //!< when the running task started
    bool m_active{false};                          //!< started and not stopped
    bool m_poweredOff{false};                      //!< PowerOff() was called
    coded::WirePrecision m_precision{coded::WirePrecision::FLOAT64}; //!< of the running result
    coded::DenseVector m_result;                                     //!< the running task's result
    EventId m_finishEvent;                                           //!< end of the running task
    uint32_t m_tasksCompleted{0};                                    //!< results sent
    uint32_t m_tasksCancelled{0};                                    //!< tasks cancelled
    TracedCallback<const std::string&> m_dropTrace;                  //!< drop trace (reason)
    uint32_t m_resultsNotFinite{0};                                  //!< results not finite
    uint32_t m_messagesDropped{0};                                   //!< messages dropped
    uint32_t m_tasksRefused{0};                                      //!< tasks refused (rows)
    uint64_t m_rawSamplesReceived{0};                      //!< raw samples received with tasks
    double m_loadDone{0};                                  //!< computation done
    TracedCallback<uint32_t, uint32_t, double> m_workDone; //!< computation done
    bool m_modelRepair{false};                             //!< NACK missing broadcast model chunks
    Time m_repairTimeout;                                  //!< wait before a NACK
    EventId m_repairEvent;                                 //!< the repair timer
    uint32_t m_repairIteration{0};                         //!< the model the timer waits for
    uint8_t m_repairFlags{0};                              //!< its precision flags
    uint32_t m_nacksSent{0};                               //!< NACKs sent
    bool m_admission{false};                               //!< report results and wait for grants
    Time m_reportRepeat;                                   //!< REPORT repetition interval

    /// A finished result waiting for the server's GRANT (uplink admission control).
    struct Held
    {
        MessageInfo info;             //!< its RESULT identity
        std::vector<uint8_t> payload; //!< its encoded bytes
        std::vector<bool> sent;       //!< chunk grants: the chunks sent before
        bool granted{false};          //!< a GRANT for it arrived
    };

    /**
     * Sends the REPORT of a held result again while no GRANT has come (a REPORT lost on the
     * network would otherwise leave the result unannounced).
     * \param iteration its iteration \param task its task \param stage its stage
     */
    void RepeatReport(uint32_t iteration, uint16_t task, uint8_t stage);

    std::deque<Held> m_held;                                        //!< results waiting for a grant
    TracedCallback<uint32_t, uint32_t, double, Time> m_taskStarted; //!< task start
    TracedCallback<uint32_t, uint32_t, double, Time> m_taskFinished;         //!< result sent
    TracedCallback<uint32_t, uint32_t, double, Time> m_taskCancelled;        //!< task cancelled
    TracedCallback<uint32_t, uint32_t, uint64_t, Time> m_computeStarted;     //!< compute starts
    TracedCallback<uint32_t, uint32_t, uint64_t, Time, Time> m_computeEnded; //!< compute ends
    TracedCallback<uint32_t, uint32_t> m_notFinite; //!< a result that is not finite
};

} // namespace ns3

#endif // CODED_LEARNING_WORKER_APPLICATION_H
