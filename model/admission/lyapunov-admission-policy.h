// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_LYAPUNOV_ADMISSION_POLICY_H
#define CODED_LEARNING_LYAPUNOV_ADMISSION_POLICY_H

#include "lyapunov-admission-controller.h"

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * The settings of the perturbed-Lyapunov admission rules (coded::LyapunovAdmissionController)
 * that mean the same in every ns-3 user of the controller, declared once as Attributes:
 * the slot length, V, the utility (kind, alpha, epsilon), the admission variant and the
 * perturbation factor.
 *
 * Both LyapunovSlotScheduler and FairAdmissionQueueDisc hold one through their "Policy"
 * attribute (as a QueueDisc holds its internal queues); each creates a default one when none is
 * given, so Config::SetDefault("ns3::LyapunovAdmissionPolicy::V", ...) or
 * --ns3::LyapunovAdmissionPolicy::V=... on a command line reaches both. One policy may be
 * shared by several holders. What depends on the holder stays on the holder: the number of
 * queues, the data unit, the arrival cap A_max (its scale is the holder's arrival process),
 * WorkConserving (its default follows what the holder serves), the scheduling mode and the
 * resource blocks (the slotted channel only), and the per-queue settings.
 *
 * The perturbation is relative: theta_i = PerturbationFactor * b_max,i, where b_max,i is the
 * most one scheduling decision of the holder can serve queue i (data units). The slot scheduler
 * takes b_max,i from its channel (the data worker i can send in one slot); for the queue disc a
 * dequeue serves one packet of at most one data unit, so b_max,i = 1 and theta_i equals the
 * factor in data units.
 *
 * Defaults (algorithms.md c.2 unless marked "ours"): Slot 1 ms, V 100, Log1p, UtilityAlpha 2
 * (ours), UtilityEpsilon 0.01 (ours), Aux, PerturbationFactor 1. A holder reads its policy once,
 * when it builds its controller (the scheduler's first Start(), the queue disc's
 * initialisation); later changes have no effect on it.
 */
class LyapunovAdmissionPolicy : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LyapunovAdmissionPolicy();
    ~LyapunovAdmissionPolicy() override;

    /**
     * Makes the controller's parameters for N = maxService.size() queues from the attributes:
     * V, the utility, the variant, w_i = 1 and theta_i = PerturbationFactor * maxService[i],
     * then the per-queue overrides. The holder sets the rest (maxArrival, scheduling,
     * resourceBlocks, workConserving; the Config defaults are TDMA, 1 block, not work
     * conserving).
     * \param maxService b_max,i >= 0 of each queue (data units per scheduling decision)
     * \param weights w_i of the queues that have their own weight (index -> weight)
     * \param perturbations theta_i (data units) of the queues that have their own perturbation
     * \return the parameters (not yet validated: the controller's constructor does that)
     *
     * Overrides of queues >= N are ignored (the holder's N may have been lowered after they
     * were set).
     */
    coded::LyapunovAdmissionController::Config MakeConfig(
        const std::vector<double>& maxService,
        const std::map<uint32_t, double>& weights = {},
        const std::map<uint32_t, double>& perturbations = {}) const;

    /// \return the slot length Delta
    Time GetSlot() const;

  private:
    Time m_slot;                                           //!< slot length Delta
    double m_v;                                            //!< V
    coded::UtilityFunction::Kind m_utilityKind;            //!< utility family
    double m_utilityAlpha;                                 //!< alpha of ALPHA_FAIR
    double m_utilityEpsilon;                               //!< epsilon of LOG and ALPHA_FAIR
    coded::LyapunovAdmissionController::Variant m_variant; //!< admission variant
    double m_perturbationFactor;                           //!< theta_i / b_max,i
};

} // namespace ns3

#endif // CODED_LEARNING_LYAPUNOV_ADMISSION_POLICY_H
