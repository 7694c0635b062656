// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ADMISSION_METRICS_H
#define CODED_LEARNING_ADMISSION_METRICS_H

#include <array>
#include <cstddef>
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
 * Time averages and fairness of a run of the Lyapunov admission controller: for every per-queue
 * amount of AdmissionSlotOutcome (Amount) the average per slot and the largest value of each
 * queue and of their sum, the number of slots in which each queue was served, the average
 * per-slot utility, and Jain's index (algorithms.md b.5) of the average rates.
 */
class AdmissionMetrics
{
  public:
    /// The per-queue amounts of an AdmissionSlotOutcome that are averaged.
    enum class Amount
    {
        ARRIVALS,       ///< A_i(t): offered data
        ADMITTED,       ///< a_i(t)
        SCHEDULED,      ///< b_i(t): service granted by the scheduler
        DELIVERED,      ///< min(Q_i(t), b_i(t)): data actually sent
        WASTED,         ///< b_i(t) - delivered: scheduled but empty
        BACKLOG,        ///< Q_i(t+1)
        VIRTUAL_BACKLOG ///< Z_i(t+1) (0 in the direct variant)
    };

    /// The number of Amount values.
    static constexpr std::size_t NUM_AMOUNTS = 7;

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

    /**
     * \param amount which amount
     * \param i queue (std::out_of_range if it does not exist)
     * \return its mean per slot (0 before the first slot)
     */
    double Average(Amount amount, uint32_t i) const;

    /**
     * \param amount which amount
     * \return its mean per slot of every queue
     */
    std::vector<double> Averages(Amount amount) const;

    /**
     * \param amount which amount
     * \return the mean per slot of its sum over the queues (Amount::DELIVERED: the throughput)
     */
    double AverageTotal(Amount amount) const;

    /**
     * \param amount which amount
     * \param i queue (std::out_of_range if it does not exist)
     * \return its largest value in one slot (0 if none was larger)
     */
    double Largest(Amount amount, uint32_t i) const;

    /**
     * \param amount which amount
     * \return its largest value in one slot and queue (0 if none was larger)
     */
    double Largest(Amount amount) const;

    /**
     * \param amount which amount
     * \return Jain's index of Averages(amount)
     */
    double Jain(Amount amount) const;

    /// \param i queue \return the number of slots in which queue i delivered data
    uint64_t ServedSlots(uint32_t i) const;

    /// \return mean per-slot utility sum_i w_i g(a_i(t))
    double AverageSlotUtility() const;

    /// \return AverageTotal(Amount::BACKLOG), mean sum_i Q_i
    double AverageTotalBacklog() const;
    /// \return AverageTotal(Amount::VIRTUAL_BACKLOG), mean sum_i Z_i
    double AverageTotalVirtualBacklog() const;
    /// \return AverageTotal(Amount::DELIVERED), data units per slot
    double Throughput() const;
    /// \return AverageTotal(Amount::WASTED), wasted service per slot
    double TotalWasted() const;
    /// \return Jain(Amount::ADMITTED)
    double JainAdmitted() const;
    /// \return Jain(Amount::DELIVERED)
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

    uint32_t m_numQueues;                                   //!< number of queues
    uint64_t m_slots{0};                                    //!< slots recorded
    std::array<std::vector<double>, NUM_AMOUNTS> m_sums;    //!< per amount, sums per queue
    std::array<std::vector<double>, NUM_AMOUNTS> m_largest; //!< per amount, max per queue
    std::vector<uint64_t> m_servedSlots;                    //!< slots with delivered_i > 0
    double m_slotUtility{0.0};                              //!< sum of per-slot utilities
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_ADMISSION_METRICS_H
