// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_ITERATION_PLAN_H
#define CODED_LEARNING_ITERATION_PLAN_H

#include "ns3/learning-types.h"

#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace ns3
{
namespace coded
{

class LearningModel;
class Dataset;
class DataPlacement;

/**
 * \ingroup coded-learning
 * A set of samples whose summed gradient is one unit of a code (a partition, a group of
 * partitions, or a sub-block of a partition).
 */
struct CodeBlock
{
    RowSet rows;                      //!< the samples
    double load{0};                   //!< size in partition-equivalents (1 = one partition)
    std::vector<uint32_t> partitions; //!< its whole partitions (empty for sub-partition blocks)
};

/**
 * \ingroup coded-learning
 * One term of a coded task: coefficient * (summed gradient over a block).
 */
struct CodedTerm
{
    uint32_t block{0};       //!< index into IterationPlan::Blocks()
    double coefficient{1.0}; //!< B_ik
};

/**
 * \ingroup coded-learning
 * One message a worker computes and uploads: f = sum over terms of coefficient * G_block,
 * where G_block = LearningModel::LossAndGradient(data, block.rows, .) (summed gradient).
 */
struct CodingTask
{
    uint32_t id{0};               //!< index into IterationPlan::Tasks(); the decoder's row
    uint32_t worker{0};           //!< who computes it
    uint32_t stage{1};            //!< 1, or 2 for the second stage of the two-stage scheme
    std::vector<CodedTerm> terms; //!< the linear combination (non-zero coefficients only)
    double load{0};               //!< sum of the blocks' loads (partition-equivalents)
    RowSet transfer; //!< rows of its blocks its worker does not store: raw samples sent along
};

/**
 * \ingroup coded-learning
 * Part of a stage-1 group of the two-stage scheme: rows of one code block.
 */
struct StageOnePiece
{
    uint32_t codeBlock{0}; //!< the code block the rows belong to (its holders may re-plan them)
    RowSet rows;           //!< the rows
    double load{0};        //!< their size in partition-equivalents
};

/**
 * \ingroup coded-learning
 * One re-plan of the two-stage scheme: the groups of the stage-1 workers late at that time.
 */
struct StageTwoWave
{
    double time{0};                    //!< since the round started
    std::vector<uint32_t> lateWorkers; //!< stage-1 workers whose groups were re-planned
    RowSet uncovered;                  //!< their rows (normal form)
    RowSet unplaced;                   //!< of which no available worker stores (not re-planned)
    std::vector<uint32_t> workers;     //!< the worker of each stage-2 task, ascending
    std::vector<uint32_t> tasks;       //!< the stage-2 task ids, same order
};

/**
 * \ingroup coded-learning
 * Book-keeping of the two-stage scheme for one iteration (empty for single-stage schemes).
 * Filled when the round starts (stage 1) and at every re-plan (stage 2).
 */
struct TwoStageInfo
{
    bool enabled{false};                            //!< true for the two-stage scheme
    std::vector<uint32_t> excludedWorkers;          //!< predicted far slower: left out
    std::vector<uint32_t> probedWorkers;            //!< left out but put back this iteration
    std::vector<uint32_t> stageOneWorkers;          //!< S1, ascending worker index
    std::vector<std::vector<StageOnePiece>> groups; //!< each S1 worker's rows, same order
    std::vector<uint32_t> stageOneTasks;            //!< task id of each S1 worker
    std::vector<double> deadlines;   //!< each S1 worker's deadline since round start (+inf: none)
    uint32_t triggerCount{0};        //!< c, the count trigger (0 = off)
    std::vector<bool> replanned;     //!< whether each S1 worker's group was re-planned
    std::vector<StageTwoWave> waves; //!< the re-plans, in time order

    /// \return whether stage 2 was started at least once
    bool StageTwoStarted() const
    {
        return !waves.empty();
    }
};

/**
 * \ingroup coded-learning
 * What every worker computes in one iteration: a list of blocks (row sets) and a list of
 * tasks (coded combinations of blocks), each assigned to a worker and a stage.
 *
 * A worker runs its tasks in the order of TasksOfWorker(); for each it either calls
 * Compute() (a real model) or Encode() (given block gradients), and uploads the result
 * tagged with the task id. The server reports each arrival to CodingRound::OnResult().
 */
class IterationPlan
{
  public:
    /**
     * \param iteration r
     * \param numWorkers n >= 1
     * \param numPartitions K >= 1
     */
    IterationPlan(uint32_t iteration, uint32_t numWorkers, uint32_t numPartitions);

    /**
     * Makes AddTask() check every task against a data placement: a task whose blocks use
     * rows its worker does not store is refused (std::logic_error), unless allowTransfer, in
     * which case those rows are recorded in CodingTask::transfer.
     * \param placement the placement (n workers)
     * \param allowTransfer whether raw-sample transfer is allowed
     */
    void SetPlacement(std::shared_ptr<const DataPlacement> placement, bool allowTransfer);

    /// \return the placement set by SetPlacement() (nullptr if none)
    const DataPlacement* Placement() const
    {
        return m_placement.get();
    }

    /// \return r
    uint32_t Iteration() const
    {
        return m_iteration;
    }

    /// \return n
    uint32_t NumWorkers() const
    {
        return m_numWorkers;
    }

    /// \return K
    uint32_t NumPartitions() const
    {
        return m_numPartitions;
    }

    /**
     * \param rows the samples (non-empty)
     * \param load the size in partition-equivalents (>= 0)
     * \param partitions the whole partitions the block is made of, if it is (each < K)
     * \return the new block's index
     */
    uint32_t AddBlock(RowSet rows, double load, std::vector<uint32_t> partitions = {});

    /**
     * \param worker the worker (< n)
     * \param stage 1 or 2
     * \param terms the combination; blocks must exist, each at most once
     * \return the new task's id
     */
    uint32_t AddTask(uint32_t worker, uint32_t stage, std::vector<CodedTerm> terms);

    /// \return all blocks
    const std::vector<CodeBlock>& Blocks() const
    {
        return m_blocks;
    }

    /// \return all tasks, indexed by id
    const std::vector<CodingTask>& Tasks() const
    {
        return m_tasks;
    }

    /**
     * \param id a task id
     * \return the task (std::out_of_range if there is none)
     */
    const CodingTask& Task(uint32_t id) const;

    /**
     * \param id a task id
     * \return the rows its blocks use, in normal form
     */
    RowSet TaskRows(uint32_t id) const;

    /// \return the number of tasks
    uint32_t NumTasks() const
    {
        return static_cast<uint32_t>(m_tasks.size());
    }

    /**
     * \param worker a worker (< n)
     * \return its task ids in the order it computes them
     */
    const std::vector<uint32_t>& TasksOfWorker(uint32_t worker) const;

    /**
     * \param stage 1 or 2, or 0 for every stage
     * \return the task ids of that stage, ascending
     */
    std::vector<uint32_t> TasksOfStage(uint32_t stage) const;

    /**
     * \param stage 1 or 2, or 0 for every stage
     * \return the computation load assigned in that stage (partition-equivalents)
     */
    double Load(uint32_t stage = 0) const;

    /**
     * \param tasks task ids (rows)
     * \param blocks block indices (columns)
     * \return the coefficient matrix B[tasks, blocks]
     */
    Eigen::MatrixXd CodeMatrix(const std::vector<uint32_t>& tasks,
                               const std::vector<uint32_t>& blocks) const;

    /**
     * The coded result of a task from given block gradients: f = sum_k B_ik g_k.
     * \param taskId the task
     * \param blockGradients one summed gradient per block of the plan (all the same size;
     *        only the blocks of the task are read)
     * \return f
     */
    DenseVector Encode(uint32_t taskId, const std::vector<DenseVector>& blockGradients) const;

    /**
     * The coded result of a task from per-partition gradients: f = sum over terms of
     * coefficient * sum_{k in block} g_k. Every block of the task must be made of whole
     * partitions (std::invalid_argument otherwise: use Encode() for sub-partition blocks).
     * \param taskId the task
     * \param partitionGradients one summed gradient per partition (K of them)
     * \return f
     */
    DenseVector EncodeFromPartitions(uint32_t taskId,
                                     const std::vector<DenseVector>& partitionGradients) const;

    /**
     * The coded result of a task computed with a model (what a worker does).
     * \param taskId the task
     * \param model the model at the current parameters
     * \param data the training set the blocks refer to
     * \return f = sum over terms of coefficient * LossAndGradient(data, block.rows)
     */
    DenseVector Compute(uint32_t taskId, const LearningModel& model, const Dataset& data) const;

    /// \return the two-stage book-keeping (enabled == false for other schemes)
    const TwoStageInfo& GetTwoStageInfo() const
    {
        return m_twoStage;
    }

    /// \return the two-stage book-keeping, for the scheme that fills it
    TwoStageInfo& GetTwoStageInfo()
    {
        return m_twoStage;
    }

  private:
    uint32_t m_iteration;                             //!< r
    uint32_t m_numWorkers;                            //!< n
    uint32_t m_numPartitions;                         //!< K
    std::vector<CodeBlock> m_blocks;                  //!< blocks
    std::vector<CodingTask> m_tasks;                  //!< tasks by id
    std::vector<std::vector<uint32_t>> m_workerTasks; //!< task ids per worker
    TwoStageInfo m_twoStage;                          //!< two-stage book-keeping
    std::shared_ptr<const DataPlacement> m_placement; //!< checked by AddTask (if set)
    bool m_allowTransfer{false};                      //!< raw-sample transfer allowed
};

} // namespace coded
} // namespace ns3

#endif // CODED_LEARNING_ITERATION_PLAN_H
