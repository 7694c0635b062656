// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ENERGY_ACCOUNTING_HELPER_H
#define CODED_LEARNING_ENERGY_ACCOUNTING_HELPER_H

#include "energy-settings.h"

#include "ns3/cpu-energy-model.h"
#include "ns3/iteration-record.h"
#include "ns3/network-scenario.h"
#include "ns3/radio-energy-meter.h"
#include "ns3/worker-application.h"
#include "ns3/worker-battery.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup coded-learning
 * \brief Energy and resource accounting of a coded-learning run, per worker and per
 * iteration: radio (Wi-Fi), compute and batteries (doc/energy.rst).
 *
 * Install() puts on the built network:
 *  - on "wifi", for every node with a radio (the workers and the access point: the server,
 *    or with a backhaul the access point node, whose radio is then the server row's): a
 *    RadioEnergyMeter on its WifiPhy, with the currents of ns-3's WifiRadioEnergyModel
 *    attributes and the supply voltage of ns-3's BasicEnergySource attribute
 *    BasicEnergySupplyVoltageV (their defaults, ns-3's 3 V: doc/energy.rst); neither ns-3
 *    model is installed. On "csma", "p2p" and "ideal" no radio or NIC energy is modelled:
 *    the radio columns stay empty.
 *  - for every worker, a CpuEnergyModel (EnergySettings::CpuModels) fed by the worker's
 *    ComputeStarted and ComputeEnded trace sources, and, when EnergySettings gives it one, a
 *    WorkerBattery that its radio and CPU drain. An empty battery powers the worker off:
 *    WorkerApplication::PowerOff, WifiPhy::SetOffMode on Wi-Fi, its IPv4 interface down on
 *    csma and p2p.
 *
 * MarkStart() opens the first accounting window (at the applications' start); each
 * FillIteration() closes one window, at an iteration's end, and writes its energies into the
 * IterationRecord. WriteCsv() writes energy.csv: one row per worker and one for the server,
 * over the training window (MarkStart() to the last FillIteration()).
 */
class EnergyAccountingHelper
{
  public:
    /// Smallest power a radio state may draw (W): current x voltage (see Install()).
    static constexpr double MIN_STATE_POWER = 1e-3;

    /// \param settings what to account (copied)
    explicit EnergyAccountingHelper(const EnergySettings& settings);
    ~EnergyAccountingHelper();

    EnergyAccountingHelper(const EnergyAccountingHelper&) = delete;
    EnergyAccountingHelper& operator=(const EnergyAccountingHelper&) = delete;

    /**
     * Installs the accounting; call once, before Simulator::Run().
     * \param scenario the built network
     * \param workers worker i's application, i < n
     * \throws std::invalid_argument for settings that do not fit (a list of the wrong length)
     *         or a radio state whose power current x voltage is below MIN_STATE_POWER
     */
    void Install(const NetworkScenario& scenario,
                 const std::vector<Ptr<WorkerApplication>>& workers);

    /// Opens the first accounting window now (schedule it at the applications' start).
    void MarkStart();

    /**
     * Closes the window since MarkStart() or the previous call and writes its energies into
     * the record (radioEnergy, computeEnergy, maxWorkerEnergy, serverRadioEnergy, alive).
     * \param record the iteration that ends now
     */
    void FillIteration(IterationRecord& record);

    /// \return whether radio energy is modelled (Wi-Fi)
    bool IsRadioModelled() const;

    /**
     * \return each worker's energy over the training window (J): radio + compute, or NaN
     *         when the radio is not modelled
     */
    std::vector<double> PerWorkerEnergy() const;

    /**
     * Writes energy.csv.
     * \param path the file
     * \throws std::runtime_error if it cannot be written
     */
    void WriteCsv(const std::string& path) const;

    /// \param i a worker \return its CPU model
    Ptr<CpuEnergyModel> GetCpu(uint32_t i) const;
    /// \param i a worker \return its radio meter, or nullptr (no radio modelled)
    Ptr<RadioEnergyMeter> GetRadio(uint32_t i) const;
    /// \return the server's radio meter, or nullptr
    Ptr<RadioEnergyMeter> GetServerRadio() const;
    /// \param i a worker \return its battery, or nullptr
    Ptr<WorkerBattery> GetBattery(uint32_t i) const;
    /// \return the number of workers whose battery ran empty
    uint32_t GetWorkersDepleted() const;

  private:
    /// Energies and work of one node at one time (cumulative since the install).
    struct Snapshot
    {
        double radio{0};                                           //!< radio energy
        double compute{0};                                         //!< compute energy
        double cycles{0};                                          //!< cycles done
        std::array<double, RadioEnergyMeter::NUM_STATES> time{};   //!< time per state
        std::array<double, RadioEnergyMeter::NUM_STATES> energy{}; //!< energy per state
    };

    /// One accounted node: a worker or the server.
    struct Account
    {
        Ptr<RadioEnergyMeter> radio; //!< radio meter, or nullptr
        Ptr<CpuEnergyModel> cpu;     //!< CPU (workers only)
        Ptr<WorkerBattery> battery;  //!< battery, or nullptr
        Snapshot start;              //!< at MarkStart()
        Snapshot last;               //!< at the last window's end
    };

    /// Installs a BasicEnergySource and a WifiRadioEnergyModel on a Wi-Fi node.
    /// \param device its Wi-Fi device \return the radio's meter
    Ptr<RadioEnergyMeter> InstallRadio(Ptr<NetDevice> device);
    /// Gives worker i its battery. \param i the worker \param energy its energy (J)
    void InstallBattery(uint32_t i, double energy);
    /// \param node a node \return its snapshot now
    static Snapshot Take(const Account& node);
    /// Battery of worker i ran empty: power it off. \param self the helper \param i the worker
    static void Depleted(EnergyAccountingHelper* self, uint32_t i);
    /// Writes one node's row. \param os the stream \param node the node \param role its role
    /// \param index the worker's index (ignored for the server)
    void WriteRow(std::ostream& os,
                  const Account& node,
                  const std::string& role,
                  uint32_t index) const;

    EnergySettings m_settings;                     //!< what to account
    NetworkScenario m_scenario;                    //!< the network
    std::vector<Ptr<WorkerApplication>> m_workers; //!< the workers
    std::vector<Account> m_nodes;                  //!< the workers, then the server
    bool m_installed{false};                       //!< Install() ran
    bool m_marked{false};                          //!< MarkStart() ran
};

} // namespace ns3

#endif // CODED_LEARNING_ENERGY_ACCOUNTING_HELPER_H
