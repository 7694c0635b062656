// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ADMISSION_METRICS_H
#define CODED_LEARNING_ADMISSION_METRICS_H

#include <cstdint>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * What happened in one slot of the Lyapunov admission controller, per queue, all amounts in
 * the controller's data unit (e.g. packets of 1500 B).
 */
struct AdmissionSlotOutcome
{
    std::vector<double> arrivals;       //!< A_i(t): offered data
    std::vector<double> auxiliary;      //!< gamma_i(t) (0 in the direct variant)
    std::vector<double> admitted;       //!< a_i(t)
    std::vector<double> scheduled;      //!< b_i(t): service granted by the scheduler
    std::vector<double> delivered;      //!< min(Q_i(t), b_i(t)): data actually sent
    std::vector<double> wasted;         //!< b_i(t) - delivered: scheduled but empty
    std::vector<double> backlog;        //!< Q_i(t+1)
    std::vector<double> virtualBacklog; //!< Z_i(t+1) (0 in the direct variant)
    double slotUtility{0.0};            //!< sum_i w_i g(a_i(t)) (what the direct variant maximises)
};

/**
 * \ingroup coded-learning
 * Time averages and fairness of a run of the Lyapunov admission controller: per-queue
 * average arrivals, admitted, scheduled, delivered and wasted data per slot, average and
 * largest backlog and virtual backlog, the number of slots in which each queue was served,
 * and Jain's index (algorithms.md b.5) of the admitted and of the delivered rates.
 */
class AdmissionMetrics
{
  public:
    /// \param numQueues the number of queues (>= 1)
    explicit AdmissionMetrics(uint32_t numQueues = 1);

    /**
     * Adds one slot.
     * \param slot the outcome (every vector has one entry per queue)
     * \throws std::invalid_argument if a vector has the wrong size
     */
    void Record(const AdmissionSlotOutcome& slot);

    /// Forgets everything recorded (e.g. after a warm-up).
    void Reset();

    /// \return the number of queues
    uint32_t NumQueues() const;
    /// \return the number of slots recorded
    uint64_t Slots() const;

    /// \param i queue \return mean A_i(t) per slot
    double AverageArrival(uint32_t i) const;
    /// \param i queue \return mean a_i(t) per slot
    double AverageAdmitted(uint32_t i) const;
    /// \param i queue \return mean b_i(t) per slot
    double AverageScheduled(uint32_t i) const;
    /// \param i queue \return mean delivered data per slot
    double AverageDelivered(uint32_t i) const;
    /// \param i queue \return mean wasted service per slot
    double AverageWasted(uint32_t i) const;
    /// \param i queue \return mean Q_i (after each slot's update)
    double AverageBacklog(uint32_t i) const;
    /// \param i queue \return mean Z_i (after each slot's update)
    double AverageVirtualBacklog(uint32_t i) const;
    /// \param i queue \return the largest Q_i seen
    double MaxBacklog(uint32_t i) const;
    /// \param i queue \return the largest Z_i seen
    double MaxVirtualBacklog(uint32_t i) const;
    /// \param i queue \return the number of slots in which queue i delivered data
    uint64_t ServedSlots(uint32_t i) const;

    /// \return mean admitted data per slot of every queue
    std::vector<double> AverageAdmittedVector() const;
    /// \return mean delivered data per slot of every queue
    std::vector<double> AverageDeliveredVector() const;

    /// \return mean sum_i Q_i
    double AverageTotalBacklog() const;
    /// \return mean sum_i Z_i
    double AverageTotalVirtualBacklog() const;
    /// \return mean sum_i delivered (throughput, data units per slot)
    double Throughput() const;
    /// \return mean sum_i admitted per slot
    double TotalAdmitted() const;
    /// \return mean sum_i wasted service per slot
    double TotalWasted() const;
    /// \return the largest wasted service of any queue in any slot
    double MaxWasted() const;
    /// \return mean per-slot utility sum_i w_i g(a_i(t))
    double AverageSlotUtility() const;

    /// \return Jain's index of the average admitted rates
    double JainAdmitted() const;
    /// \return Jain's index of the average delivered rates
    double JainDelivered() const;

    /**
     * Jain's fairness index (sum x)^2 / (n sum x^2), in [1/n, 1]; 1 if every x is 0.
     * \param x the non-negative values (at least one)
     * \return the index
     * \throws std::invalid_argument if x is empty or has a negative or non-finite entry
     */
    static double JainIndex(const std::vector<double>& x);

  private:
    /// \param i queue \throws std::out_of_range if i >= NumQueues()
    void Check(uint32_t i) const;
    /// \param sum a running sum \return sum / Slots() (0 before the first slot)
    double Mean(double sum) const;

    uint32_t m_numQueues;                //!< number of queues
    uint64_t m_slots{0};                 //!< slots recorded
    std::vector<double> m_arrivals;      //!< sums of A_i
    std::vector<double> m_admitted;      //!< sums of a_i
    std::vector<double> m_scheduled;     //!< sums of b_i
    std::vector<double> m_delivered;     //!< sums of delivered data
    std::vector<double> m_wasted;        //!< sums of wasted service
    std::vector<double> m_backlog;       //!< sums of Q_i
    std::vector<double> m_virtual;       //!< sums of Z_i
    std::vector<double> m_maxBacklog;    //!< max Q_i
    std::vector<double> m_maxVirtual;    //!< max Z_i
    std::vector<uint64_t> m_servedSlots; //!< slots with delivered_i > 0
    double m_maxWasted{0.0};             //!< max wasted in one slot and queue
    double m_slotUtility{0.0};           //!< sum of per-slot utilities
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_ADMISSION_METRICS_H
