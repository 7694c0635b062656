// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_CODE_MATRIX_DECODER_H
#define CODED_LEARNING_CODE_MATRIX_DECODER_H

#include "gradient-decoder.h"

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace coded
{

/**
 * \ingroup coded-learning
 * Base of the decoders of a linear gradient code B (rows = tasks, columns = the blocks whose
 * sum is the target): LeastSquaresDecoder and ScaledSumDecoder.
 *
 * It holds B and the task of each row, records the rows received (each once, in arrival
 * order; ids it does not use and repeats are ignored) and, from the MinResults()-th row on,
 * calls Decode() on every arrival until the subclass freezes the result (Freeze()).
 *
 * A subclass constructor checks its own parameters in this order: the base constructor (the
 * shape of B), its own checks, SetMinResults(), IndexTasks() last.
 */
class CodeMatrixDecoder : public GradientDecoder
{
  public:
    bool OnResult(uint32_t taskId) final;
    bool IsDecodable() const final;
    const DecodeResult& Result() const final;
    uint32_t MinResults() const final;

  protected:
    /**
     * \param name the subclass, for error messages
     * \param taskIds the task of each row of code
     * \param code B: rows = tasks, columns = the blocks whose sum is the target
     * \throws std::invalid_argument unless B has one row per task and at least one column
     */
    CodeMatrixDecoder(std::string name,
                      std::vector<uint32_t> taskIds,
                      std::shared_ptr<const Eigen::MatrixXd> code);

    /**
     * \param parameter its name in the subclass ("threshold", "count"), for the error message
     * \param minResults the rows needed before the first Decode(), in [1, rows]
     * \throws std::invalid_argument if minResults is out of range
     */
    void SetMinResults(const std::string& parameter, uint32_t minResults);

    /**
     * Ends the construction: sets the absolute tolerance tolerance * max(1, ||B||_max) and maps
     * the task ids to their rows.
     * \param tolerance the relative tolerance (checked by the subclass)
     * \throws std::invalid_argument if a task id is named twice
     */
    void IndexTasks(double tolerance);

    /**
     * Freezes the result: the tasks of the received rows, in arrival order.
     * \param coefficients a_j, one per received row
     * \param residual r = B_F^T a - 1 (one entry per column of B)
     * \param exact whether the residual check passed
     */
    void Freeze(std::vector<double> coefficients, const Eigen::VectorXd& residual, bool exact);

    /// \return B
    const Eigen::MatrixXd& Code() const
    {
        return *m_code;
    }

    /// \return the rows received so far, in arrival order
    const std::vector<uint32_t>& Received() const
    {
        return m_received;
    }

    /// \return whether every row has been received
    bool AllReceived() const
    {
        return m_received.size() == m_taskIds.size();
    }

    /// \return the absolute tolerance on ||r||_inf
    double Tolerance() const
    {
        return m_tolerance;
    }

  private:
    /// Decides with the rows received so far (at least MinResults()); may call Freeze().
    virtual void Decode() = 0;

    /// \return the progress Result() reports before the decoder is decodable
    virtual std::string Progress() const = 0;

    std::string m_name;                            //!< subclass name for messages
    std::vector<uint32_t> m_taskIds;               //!< task of each code row
    std::shared_ptr<const Eigen::MatrixXd> m_code; //!< B
    std::vector<int64_t> m_rowOf;                  //!< code row of each task id, -1 if unused
    std::vector<bool> m_seen;                      //!< whether each row has been received
    std::vector<uint32_t> m_received;              //!< rows received, in arrival order
    uint32_t m_minResults{1};                      //!< rows before the first Decode()
    double m_tolerance{0.0};                       //!< absolute tolerance on ||r||_inf
    bool m_decodable{false};                       //!< frozen
    DecodeResult m_result;                         //!< frozen result
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_CODE_MATRIX_DECODER_H
