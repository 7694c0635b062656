// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_PARAMETER_SERVER_APPLICATION_H
#define CODED_LEARNING_PARAMETER_SERVER_APPLICATION_H

#include "iteration-record.h"
#include "learning-setup.h"
#include "model-distributor.h"
#include "ns3-random-source.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/gradient-code.h"
#include "ns3/lyapunov-slot-scheduler.h"
#include "ns3/message-transport.h"
#include "ns3/mini-batch.h"
#include "ns3/sgd-optimizer.h"
#include "ns3/traced-callback.h"
#include "ns3/wire-codec.h"

#include <deque>
#include <memory>
#include <set>
#include <utility>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief The parameter (edge) server of distributed training.
 *
 * Iteration r: start a round of the gradient code (plan + decoder) from the workers'
 * completion history; send every worker the model (MODEL) and its tasks (TASK); on every
 * result (RESULT) ask the decoder whether the received results suffice, starting stage 2 of
 * the two-stage scheme when its trigger fires (c-th stage-1 result or tau1); decode as soon
 * as possible, update the model with SGD, cancel outstanding work (CANCEL), update the
 * history (censored for unfinished workers), evaluate every EvalInterval iterations, report
 * the iteration (IterationEnd) and start the next one. If the results do not suffice by
 * IterationDeadline, the iteration ends without an update. With ModelDelivery=broadcast the
 * model goes once to all workers and NACKed chunks are sent again (ModelDistributor).
 *
 * Divergence: a decoded gradient (or training loss) that is not finite, an updated model that
 * is not finite, or Diverge() (a worker computed a result that is not finite) ends training
 * in that iteration: it ends with the outcome "diverged" (IterationEnd), Diverged reports the
 * iteration and what was not finite, and no further iteration starts.
 */
class ParameterServerApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ParameterServerApplication();

    /**
     * TracedCallback signature of the end of an iteration.
     * \param record what happened
     */
    typedef void (*IterationTracedCallback)(const IterationRecord& record);

    /**
     * TracedCallback signature of a result's arrival.
     * \param iteration the iteration
     * \param worker the worker
     * \param task the task id
     * \param elapsed time since the task was dispatched
     */
    typedef void (*ResultTracedCallback)(uint32_t iteration,
                                         uint32_t worker,
                                         uint32_t task,
                                         Time elapsed);

    /**
     * TracedCallback signature of divergence.
     * \param iteration the iteration that ended training
     * \param quantity what was not finite, in words
     */
    typedef void (*DivergedTracedCallback)(uint32_t iteration, const std::string& quantity);

    /**
     * Ends training now because a quantity of the current iteration is not finite (used for
     * a worker's result: the worker cannot send it, non-finite values are refused on the
     * wire). The current iteration ends with the outcome "diverged", Diverged fires and no
     * further iteration starts. Nothing happens between iterations or after training ended.
     * \param iteration the iteration the quantity belongs to (ignored unless current)
     * \param quantity what was not finite, in words
     */
    void Diverge(uint32_t iteration, const std::string& quantity);

    /// \return whether training ended because of divergence
    bool HasDiverged() const
    {
        return m_diverged;
    }

    /**
     * \param setup the learning task
     * \param transport the server's transport (peer i = worker i)
     * \param numWorkers n, the number of workers (peers)
     * \param coding the coding parameters (numWorkers is overwritten with n); the scheme is
     *        the Scheme attribute
     */
    void Setup(Ptr<LearningSetup> setup,
               Ptr<MessageTransport> transport,
               uint32_t numWorkers,
               const coded::CodingParameters& coding);

    /**
     * Govern the workers' uplink with a perturbed-Lyapunov slot scheduler: a worker with a
     * finished result reports its size (REPORT) instead of sending it; the result enters the
     * worker's reservoir in the scheduler (Offer), and once the scheduler has served all of it
     * the server grants the upload (GRANT) and the worker sends the result. The scheduler must
     * be in Reservoir arrival mode; its NumQueues is set to n here. The workers need their
     * UplinkAdmission attribute on (CodedLearningHelper::SetAdmission does both).
     * \param scheduler the scheduler (not started; the server starts and stops it)
     */
    void SetAdmission(Ptr<LyapunovSlotScheduler> scheduler);

    /// \return the uplink scheduler, or nullptr without admission control
    Ptr<LyapunovSlotScheduler> GetAdmission() const
    {
        return m_admission;
    }

    /**
     * \param stream first stream index
     * \return the number of streams used (1: code constructions, tie breaks; 2 more with
     *         admission control)
     */
    int64_t AssignStreams(int64_t stream);

    /// \return the current model parameters
    const coded::DenseVector& GetParameters() const
    {
        return m_params;
    }

    /// \return the number of iterations finished
    uint32_t GetIterationsDone() const
    {
        return m_iterationsDone;
    }

    /**
     * \return what the server has learnt about the workers' speeds (censored for tasks still
     *         out when an iteration ends); nullptr before the application started
     */
    const coded::CompletionHistory* GetHistory() const
    {
        return m_history.get();
    }

    /// \return the gradient code (its placement, its parameters); nullptr before the start
    const coded::GradientCode* GetCode() const
    {
        return m_code.get();
    }

    /// \return the server's transport (peer i = worker i), nullptr before Setup()
    Ptr<MessageTransport> GetTransport() const
    {
        return m_transport;
    }

    /// \return results dropped as malformed, stale, duplicate or unexpected
    uint32_t GetResultsDropped() const
    {
        return m_resultsDropped;
    }

    /// \return results (and reports) that arrived after their iteration had ended (counted
    ///         in GetResultsDropped() too)
    uint32_t GetLateResults() const
    {
        return m_lateResults;
    }

    /// \return how the model reaches the workers (its counters: NACKs, repair chunks)
    const ModelDistributor& GetModelDistributor() const
    {
        return m_models;
    }

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    /// Starts the application (ns3::Application::StartApplication).
    void StartApplication() override;
    /// Stops the application (ns3::Application::StopApplication).
    void StopApplication() override;

    /// Starts iteration m_iteration.
    void StartIteration();

    /// \param ids task ids to send to their workers (with the model, to a worker without it)
    void Dispatch(const std::vector<uint32_t>& ids);

    /// Starts stage 2 if its trigger has fired, then schedules the next check.
    void CheckStageTwo();

    /// Schedules CheckStageTwo() at the round's next stage-1 deadline (if any).
    void ScheduleStageTwoCheck();

    /// The iteration deadline.
    void OnDeadline();

    /**
     * Ends the current iteration.
     * \param decoded whether the results sufficed
     * \param notFinite what was found not finite before (empty: nothing; then the iteration
     *        diverges only if the decoded gradient, loss or updated model are not finite)
     */
    void Complete(bool decoded, const std::string& notFinite = "");

    /**
     * Applies the decoded gradient: the training loss and the SGD step, unless the decoded
     * values or the updated model are not finite.
     * \return what was not finite (empty if everything was)
     */
    std::string ApplyDecoded();

    /// Transport callback. \param peer the sender \param info its header fields
    /// \param payload the reassembled payload
    void HandleMessage(uint32_t peer, const MessageInfo& info, const std::vector<uint8_t>& payload);

    /// Counts a dropped result. \param reason why it was dropped
    void DropResult(const std::string& reason);

    /// A REPORT arrived: offer the result's bytes to the uplink scheduler.
    /// \param peer the worker \param info the header fields \param payload the report
    void HandleReport(uint32_t peer, const MessageInfo& info, const std::vector<uint8_t>& payload);

    /// Scheduler trace sink: a queue was served in a slot.
    /// \param queue the worker \param scheduled data it could send \param delivered data sent
    void OnServed(uint32_t queue, double scheduled, double delivered);

    /// Sends GRANTs for every upload of a worker that the scheduler has fully served.
    /// \param worker the worker
    void GrantServed(uint32_t worker);

    /// Measured uplink: sends a GRANT naming the chunks granted.
    /// \param worker the worker \param grant its chunks
    void SendChunkGrant(uint32_t worker, const coded::ChunkGrant& grant);

    /// Measured uplink (transport trace sink): a new chunk arrived.
    /// \param peer the worker \param info its message \param chunk its index
    /// \param bytes its payload bytes
    void OnChunkReceived(uint32_t peer, const MessageInfo& info, uint32_t chunk, uint32_t bytes);

    /// \return the wire flag bits of the configured precision
    uint8_t PrecisionFlags() const;

    // Attributes.
    std::string m_scheme;     //!< coding scheme name
    uint32_t m_iterations;    //!< iterations to run
    uint32_t m_numPartitions; //!< K (0 = n)
    uint32_t m_evalInterval;  //!< evaluate every this many iterations (0 = only last)
    double m_learningRate;    //!< eta
    double m_momentum;        //!< momentum
    double m_weightDecay;     //!< L2
    Time m_deadline;          //!< iteration deadline
    Time m_gap;               //!< pause between iterations
    double m_historyBeta;     //!< EWMA weight
    bool m_float32;           //!< wire precision float32
    uint32_t m_batchSize;     //!< mini-batch rows (0 = all)
    std::string m_delivery;   //!< model delivery: unicast or broadcast

    Ptr<LearningSetup> m_setup;                          //!< learning task
    Ptr<MessageTransport> m_transport;                   //!< transport
    uint32_t m_numWorkers{0};                            //!< n
    coded::CodingParameters m_coding;                    //!< coding parameters
    Ptr<Ns3RandomSource> m_rng;                          //!< code randomness
    Ptr<Ns3RandomSource> m_batchRng;                     //!< mini-batch seeds
    std::unique_ptr<coded::GradientCode> m_code;         //!< the code
    std::unique_ptr<coded::CompletionHistory> m_history; //!< worker history
    std::unique_ptr<coded::LearningModel> m_model;       //!< evaluation model
    std::unique_ptr<coded::SgdOptimizer> m_sgd;          //!< optimiser
    coded::DenseVector m_params;                         //!< current parameters

    // State of the current iteration.
    uint32_t m_iteration{0};                        //!< r
    uint32_t m_iterationsDone{0};                   //!< iterations finished
    bool m_active{false};                           //!< an iteration is running
    std::unique_ptr<coded::CodingRound> m_round;    //!< its round
    std::vector<coded::DenseVector> m_results;      //!< results by task id
    coded::MiniBatch m_batch;                       //!< this iteration's samples
    std::vector<Time> m_dispatched;                 //!< dispatch time by task id
    std::vector<Time> m_arrived;                    //!< arrival time by task id
    std::vector<double> m_network;                  //!< network time by task id (received)
    ModelDistributor m_models;                      //!< this iteration's MODEL, who has it
    IterationRecord m_record;                       //!< being filled
    uint64_t m_bytesUpAtStart{0};                   //!< transport counter at start
    uint64_t m_bytesDownAtStart{0};                 //!< transport counter at start
    EventId m_deadlineEvent;                        //!< deadline
    EventId m_stageTwoEvent;                        //!< tau1
    EventId m_nextEvent;                            //!< next iteration
    uint32_t m_resultsDropped{0};                   //!< drops
    uint32_t m_lateResults{0};                      //!< results after their iteration
    bool m_diverged{false};                         //!< training ended by divergence
    TracedCallback<const std::string&> m_dropTrace; //!< drop trace (reason)

    /// Per worker: the (task, stage) of the uploads reported in this iteration.
    std::vector<std::set<std::pair<uint16_t, uint8_t>>> m_reported;

    /// An upload waiting for the scheduler.
    struct Upload
    {
        uint32_t iteration; //!< iteration
        uint16_t task;      //!< task id
        uint8_t stage;      //!< stage
        double target;      //!< the worker's cumulative delivered data that completes it
    };

    Ptr<LyapunovSlotScheduler> m_admission;    //!< uplink scheduler (optional)
    std::vector<std::deque<Upload>> m_uploads; //!< per worker, in report order
    std::vector<double> m_offered;             //!< per worker, cumulative data units

    TracedCallback<const IterationRecord&> m_iterationEnd;               //!< trace
    TracedCallback<uint32_t, uint32_t, uint32_t, Time> m_resultReceived; //!< trace
    TracedCallback<uint32_t, const std::string&> m_divergedTrace;        //!< trace
};

} // namespace ns3

#endif // CODED_LEARNING_PARAMETER_SERVER_APPLICATION_H
