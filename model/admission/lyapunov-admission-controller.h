// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LYAPUNOV_ADMISSION_CONTROLLER_H
#define CODED_LEARNING_LYAPUNOV_ADMISSION_CONTROLLER_H

#include "admission-metrics.h"
#include "utility-function.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Perturbed-Lyapunov fair admission and scheduling of N queues in slots (algorithms.md b.4
 * and c.4; Neely-Modiano-Li flow control with the perturbation of Huang & Neely).
 *
 * Units: every amount (arrivals A_i, admitted a_i, service b_i, backlogs Q_i and Z_i,
 * perturbations theta_i, the arrival cap A_max) is in one data unit chosen by the caller,
 * per slot where it is a rate (the ns-3 glue uses packets of a configurable size, 1500 B by
 * default). The utility takes the admitted data per slot in that unit, so V has the unit
 * (data unit)^2 / utility and a meaningful scale: the backlog bounds are O(V g'(0)).
 *
 * Each slot t, given the arrivals A_i(t) in [0, A_max] and the service capacity c_{i,m}(t)
 * of queue i on resource block m (data one slot can carry):
 *  1. auxiliary variable (AUX variant): gamma_i = argmax_{[0, A_max]} V w_i g(gamma) - Z_i gamma;
 *  2. admission: AUX: a_i = A_i if Q_i - theta_i <= Z_i, else 0;
 *     DIRECT: a_i = argmax_{[0, A_i]} V w_i g(a) - (Q_i - theta_i) a;
 *  3. scheduling, max-weight on (Q_i - theta_i) c_{i,m}: TDMA gives the whole slot (all
 *     blocks) to the queue with the largest positive (Q_i - theta_i) sum_m c_{i,m} (ties:
 *     lowest index); SPLIT gives each block m to the largest positive (Q_i - theta_i) c_{i,m}
 *     (ties split the block equally), so several queues can be served in one slot;
 *     a queue with Q_i <= theta_i is not served, unless workConserving is set: then a slot
 *     (or block) that no queue above its perturbation wants goes to the non-empty queue with
 *     the largest weight (ours: lets the last theta_i of a finite upload drain; the service
 *     it wastes would otherwise be idle);
 *  4. delivered_i = min(Q_i, b_i), wasted_i = b_i - delivered_i,
 *     Q_i <- Q_i - delivered_i + a_i, Z_i <- max(Z_i - a_i + gamma_i, 0).
 *
 * Deterministic bounds (property 19, nu_i = w_i g'(0)): Z_i <= V nu_i + A_max, and
 * Q_i <= theta_i + V nu_i + 2 A_max (AUX) or theta_i + V nu_i + A_max (DIRECT), given
 * Q_i(0) = Z_i(0) = 0. With theta_i >= the largest service of queue i in one slot, wasted
 * service is exactly zero. theta = 0 gives the unperturbed controller.
 *
 * Besides Step() (the fluid model), the decision rules are public so that a packet-level
 * user (FairAdmissionQueueDisc) can apply them to its own queues.
 */
class LyapunovAdmissionController
{
  public:
    /// Admission variant (unscoped so that it can be an ns-3 EnumValue).
    enum Variant
    {
        AUX,   ///< auxiliary variables and virtual queues (optimises g of the average)
        DIRECT ///< per-slot admission utility (optimises the average of g)
    };

    /// Scheduling mode (unscoped so that it can be an ns-3 EnumValue).
    enum Scheduling
    {
        TDMA, ///< single winner per slot
        SPLIT ///< per resource block winners (multi-winner)
    };

    /// The parameters; Validate() says what is wrong with them.
    struct Config
    {
        uint32_t numQueues{1};            //!< N >= 1
        double v{100.0};                  //!< V > 0 (algorithms.md c.2: 100)
        UtilityFunction utility;          //!< g (default log(1 + x), c.2)
        std::vector<double> weights;      //!< w_i > 0; empty means all 1
        std::vector<double> perturbation; //!< theta_i >= 0 (data units); empty means all 0
        double maxArrival{1.0};           //!< A_max > 0 (data units per slot)
        Variant variant{AUX};             //!< admission variant (c.2: AUX)
        Scheduling scheduling{TDMA};      //!< scheduling mode (c.2: TDMA)
        uint32_t resourceBlocks{1};       //!< M >= 1 blocks per slot (capacity entries per queue)
        bool workConserving{false};       //!< serve non-empty queues below theta if idle (ours)
    };

    /**
     * \param config the parameters
     * \throws std::invalid_argument naming the bad parameter, its value and the allowed range
     */
    explicit LyapunovAdmissionController(const Config& config);

    /**
     * \param config the parameters to check
     * \throws std::invalid_argument naming the bad parameter, its value and the allowed range
     */
    static void Validate(const Config& config);

    /**
     * Runs one slot of the fluid model.
     * \param arrivals A_i(t) in [0, A_max], one per queue
     * \param capacity c_{i,m}(t) >= 0, data units queue i can send on block m in this slot,
     *        row-major: entry i * M + m (M = resourceBlocks; with M = 1 one entry per queue)
     * \return the slot's outcome (valid until the next call)
     * \throws std::invalid_argument if a vector has the wrong size or an entry is out of range
     */
    const AdmissionSlotOutcome& Step(const std::vector<double>& arrivals,
                                     const std::vector<double>& capacity);

    /**
     * Runs one slot of a real uplink (LyapunovSlotScheduler's measured channel): admission
     * and virtual queues as in Step(); the service b_i(t) is only granted (the caller sends
     * it over the network) and the backlog falls by the data that actually arrived during
     * the slot: delivered_i = min(Q_i, arrived_i), Q_i <- Q_i - delivered_i + a_i. Q_i counts
     * data granted and still in flight; the scheduler (max-weight, theta, work conservation)
     * sees the data it can still grant, S_i = max(Q_i - inFlight_i, 0), so that a queue whose
     * data is on its way does not take the slot again. wasted_i = b_i - min(S_i, b_i).
     * \param arrivals as for Step()
     * \param capacity as for Step()
     * \param arrived data units of queue i that arrived during the slot (>= 0)
     * \param inFlight data units of queue i granted and not arrived (>= 0), after the
     *        arrivals of this slot
     * \return the slot's outcome (valid until the next call)
     * \throws std::invalid_argument if a vector has the wrong size or an entry is out of range
     */
    const AdmissionSlotOutcome& StepMeasured(const std::vector<double>& arrivals,
                                             const std::vector<double>& capacity,
                                             const std::vector<double>& arrived,
                                             const std::vector<double>& inFlight);

    /// \name Decision rules (no state change)
    /// @{

    /**
     * \param i queue \param z its virtual backlog
     * \return gamma_i = argmax over [0, A_max] of V w_i g(gamma) - z gamma
     */
    double AuxiliaryTarget(uint32_t i, double z) const;

    /**
     * The admission rule of the configured variant.
     * \param i queue \param q its backlog Q_i \param z its virtual backlog Z_i (AUX only)
     * \param offered the data offered in this slot (>= 0)
     * \return the admitted amount in [0, offered]
     */
    double AdmissionLimit(uint32_t i, double q, double z, double offered) const;

    /**
     * \param i queue \param q its backlog
     * \return the DIRECT rule's admission for an offer of A_max:
     *         argmax over [0, A_max] of V w_i g(a) - (q - theta_i) a
     */
    double DirectBudget(uint32_t i, double q) const;

    /// \param i queue \param q its backlog \param rate its service rate
    /// \return the max-weight weight (q - theta_i) * rate
    double ScheduleWeight(uint32_t i, double q, double rate) const;

    /**
     * \param backlog Q_i, one per queue
     * \param capacity as for Step()
     * \return the service b_i granted to each queue by the configured scheduling mode
     */
    std::vector<double> Schedule(const std::vector<double>& backlog,
                                 const std::vector<double>& capacity) const;

    /// \param z Z_i(t) \param admitted a_i(t) \param gamma gamma_i(t) \return Z_i(t+1)
    static double NextVirtualBacklog(double z, double admitted, double gamma);
    /// @}

    /// \name Bounds of property 19
    /// @{

    /// \param i queue \return nu_i = w_i g'(0)
    double SlopeBound(uint32_t i) const;
    /// \param i queue \return V nu_i + A_max
    double VirtualBacklogBound(uint32_t i) const;
    /// \param i queue \return theta_i + V nu_i + 2 A_max (AUX) or + A_max (DIRECT)
    double BacklogBound(uint32_t i) const;
    /// @}

    /// \param rates x_i >= 0, one per queue \return sum_i w_i g(x_i)
    double TotalUtility(const std::vector<double>& rates) const;

    /// \return sum_i w_i g(average admitted_i) over the recorded slots
    double UtilityOfAdmitted() const;
    /// \return sum_i w_i g(average delivered_i) over the recorded slots
    double UtilityOfDelivered() const;

    /// \return the time averages since construction or ResetMetrics()
    const AdmissionMetrics& Metrics() const;
    /// Restarts the time averages (e.g. after a warm-up); the queues are kept.
    void ResetMetrics();

    /// \return the parameters
    const Config& GetConfig() const;
    /// \return N
    uint32_t NumQueues() const;
    /// \param i queue \return Q_i
    double Backlog(uint32_t i) const;
    /// \param i queue \return Z_i
    double VirtualBacklog(uint32_t i) const;
    /// \return Q, one per queue
    const std::vector<double>& Backlogs() const;
    /// \return Z, one per queue
    const std::vector<double>& VirtualBacklogs() const;
    /// \param i queue \return theta_i
    double Perturbation(uint32_t i) const;
    /// \param i queue \return w_i
    double UtilityWeight(uint32_t i) const;

    /// \param i queue \param theta the new theta_i (>= 0, data units)
    void SetPerturbation(uint32_t i, double theta);
    /// \param i queue \param weight the new w_i (> 0)
    void SetUtilityWeight(uint32_t i, double weight);

    /**
     * Empties queue i (e.g. when its data became useless); Z_i is kept.
     * \param i queue
     * \return the backlog removed
     */
    double Flush(uint32_t i);

  private:
    /// \param i queue \throws std::out_of_range if i >= N
    void Check(uint32_t i) const;
    /**
     * Step() and StepMeasured(): one slot.
     * \param arrivals A_i(t) \param capacity c_{i,m}(t)
     * \param arrived null for the fluid model, else the data arrived per queue
     * \param inFlight null for the fluid model, else the data in flight per queue
     * \return the outcome
     */
    const AdmissionSlotOutcome& DoStep(const std::vector<double>& arrivals,
                                       const std::vector<double>& capacity,
                                       const std::vector<double>* arrived,
                                       const std::vector<double>* inFlight);

    Config m_config;             //!< parameters (weights and perturbation filled in)
    std::vector<double> m_q;     //!< Q_i
    std::vector<double> m_z;     //!< Z_i
    AdmissionSlotOutcome m_last; //!< the last slot's outcome
    AdmissionMetrics m_metrics;  //!< time averages
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_LYAPUNOV_ADMISSION_CONTROLLER_H
