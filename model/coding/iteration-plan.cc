// SPDX-License-Identifier: GPL-2.0-only
#include "iteration-plan.h"

#include "data-placement.h"

#include "ns3/dataset.h"
#include "ns3/learning-model.h"
#include "ns3/row-set-algebra.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace coded
{

IterationPlan::IterationPlan(uint32_t iteration, uint32_t numWorkers, uint32_t numPartitions)
    : m_iteration(iteration),
      m_numWorkers(numWorkers),
      m_numPartitions(numPartitions)
{
    if (numWorkers < 1)
    {
        throw std::invalid_argument("IterationPlan: numWorkers = 0, must be >= 1");
    }
    if (numPartitions < 1)
    {
        throw std::invalid_argument("IterationPlan: numPartitions = 0, must be >= 1");
    }
    m_workerTasks.resize(numWorkers);
}

void
IterationPlan::SetPlacement(std::shared_ptr<const DataPlacement> placement, bool allowTransfer)
{
    if (!placement || placement->NumWorkers() != m_numWorkers)
    {
        throw std::invalid_argument(
            "IterationPlan::SetPlacement: the placement must cover the n = " +
            std::to_string(m_numWorkers) + " workers");
    }
    m_placement = std::move(placement);
    m_allowTransfer = allowTransfer;
}

uint32_t
IterationPlan::AddBlock(RowSet rows, double load, std::vector<uint32_t> partitions)
{
    for (uint32_t k : partitions)
    {
        if (k >= m_numPartitions)
        {
            throw std::invalid_argument(
                "IterationPlan::AddBlock: partition = " + std::to_string(k) +
                ", must be < K = " + std::to_string(m_numPartitions));
        }
    }
    if (RowCount(rows) == 0)
    {
        throw std::invalid_argument("IterationPlan::AddBlock: block " +
                                    std::to_string(m_blocks.size()) + " has no rows");
    }
    if (!(load >= 0.0) || !std::isfinite(load))
    {
        throw std::invalid_argument("IterationPlan::AddBlock: load = " + std::to_string(load) +
                                    ", must be finite and >= 0");
    }
    m_blocks.push_back(CodeBlock{std::move(rows), load, std::move(partitions)});
    return static_cast<uint32_t>(m_blocks.size() - 1);
}

uint32_t
IterationPlan::AddTask(uint32_t worker, uint32_t stage, std::vector<CodedTerm> terms)
{
    if (worker >= m_numWorkers)
    {
        throw std::invalid_argument("IterationPlan::AddTask: worker = " + std::to_string(worker) +
                                    ", must be < n = " + std::to_string(m_numWorkers));
    }
    if (stage != 1 && stage != 2)
    {
        throw std::invalid_argument("IterationPlan::AddTask: stage = " + std::to_string(stage) +
                                    ", must be 1 or 2");
    }
    if (terms.empty())
    {
        throw std::invalid_argument("IterationPlan::AddTask: a task needs at least one term");
    }
    double load = 0.0;
    std::vector<uint32_t> used;
    used.reserve(terms.size());
    for (const auto& t : terms)
    {
        if (t.block >= m_blocks.size())
        {
            throw std::invalid_argument(
                "IterationPlan::AddTask: block = " + std::to_string(t.block) + ", must be < " +
                std::to_string(m_blocks.size()));
        }
        if (!std::isfinite(t.coefficient))
        {
            throw std::invalid_argument("IterationPlan::AddTask: coefficient of block " +
                                        std::to_string(t.block) + " is not finite");
        }
        used.push_back(t.block);
        load += m_blocks[t.block].load;
    }
    std::sort(used.begin(), used.end());
    const auto twice = std::adjacent_find(used.begin(), used.end());
    if (twice != used.end())
    {
        throw std::invalid_argument("IterationPlan::AddTask: block " + std::to_string(*twice) +
                                    " appears twice in a task");
    }
    CodingTask task;
    task.id = static_cast<uint32_t>(m_tasks.size());
    task.worker = worker;
    task.stage = stage;
    task.terms = std::move(terms);
    task.load = load;
    if (m_placement)
    {
        RowSet rows;
        for (const auto& t : task.terms)
        {
            rows.insert(rows.end(), m_blocks[t.block].rows.begin(), m_blocks[t.block].rows.end());
        }
        task.transfer = m_placement->Missing(worker, rows);
        if (!task.transfer.empty() && !m_allowTransfer)
        {
            throw std::logic_error("IterationPlan::AddTask: a task of worker " +
                                   std::to_string(worker) + " uses " +
                                   std::to_string(RowCount(task.transfer)) +
                                   " rows it does not store, and raw-sample transfer is off");
        }
    }
    m_tasks.push_back(std::move(task));
    m_workerTasks[worker].push_back(m_tasks.back().id);
    return m_tasks.back().id;
}

const CodingTask&
IterationPlan::Task(uint32_t id) const
{
    if (id >= m_tasks.size())
    {
        throw std::out_of_range("IterationPlan::Task: id = " + std::to_string(id) + ", must be < " +
                                std::to_string(m_tasks.size()));
    }
    return m_tasks[id];
}

const std::vector<uint32_t>&
IterationPlan::TasksOfWorker(uint32_t worker) const
{
    if (worker >= m_numWorkers)
    {
        throw std::out_of_range("IterationPlan::TasksOfWorker: worker = " + std::to_string(worker) +
                                ", must be < " + std::to_string(m_numWorkers));
    }
    return m_workerTasks[worker];
}

RowSet
IterationPlan::TaskRows(uint32_t id) const
{
    RowSet rows;
    for (const auto& t : Task(id).terms)
    {
        rows.insert(rows.end(), m_blocks[t.block].rows.begin(), m_blocks[t.block].rows.end());
    }
    return NormalizeRows(std::move(rows));
}

std::vector<uint32_t>
IterationPlan::TasksOfStage(uint32_t stage) const
{
    std::vector<uint32_t> ids;
    for (const auto& t : m_tasks)
    {
        if (stage == 0 || t.stage == stage)
        {
            ids.push_back(t.id);
        }
    }
    return ids;
}

double
IterationPlan::Load(uint32_t stage) const
{
    double load = 0.0;
    for (const auto& t : m_tasks)
    {
        if (stage == 0 || t.stage == stage)
        {
            load += t.load;
        }
    }
    return load;
}

Eigen::MatrixXd
IterationPlan::CodeMatrix(const std::vector<uint32_t>& tasks,
                          const std::vector<uint32_t>& blocks) const
{
    std::vector<int64_t> column(m_blocks.size(), -1);
    for (size_t j = 0; j < blocks.size(); ++j)
    {
        if (blocks[j] >= m_blocks.size())
        {
            throw std::out_of_range(
                "IterationPlan::CodeMatrix: block = " + std::to_string(blocks[j]) + ", must be < " +
                std::to_string(m_blocks.size()));
        }
        column[blocks[j]] = static_cast<int64_t>(j);
    }
    Eigen::MatrixXd b = Eigen::MatrixXd::Zero(tasks.size(), blocks.size());
    for (size_t i = 0; i < tasks.size(); ++i)
    {
        for (const auto& term : Task(tasks[i]).terms)
        {
            if (column[term.block] >= 0)
            {
                b(i, column[term.block]) = term.coefficient;
            }
        }
    }
    return b;
}

DenseVector
IterationPlan::Encode(uint32_t taskId, const std::vector<DenseVector>& blockGradients) const
{
    const CodingTask& task = Task(taskId);
    if (blockGradients.size() != m_blocks.size())
    {
        throw std::invalid_argument(
            "IterationPlan::Encode: " + std::to_string(blockGradients.size()) +
            " block gradients given, the plan has " + std::to_string(m_blocks.size()) + " blocks");
    }
    const Eigen::Index d = blockGradients[task.terms.front().block].size();
    DenseVector f = DenseVector::Zero(d);
    for (const auto& t : task.terms)
    {
        if (blockGradients[t.block].size() != d)
        {
            throw std::invalid_argument("IterationPlan::Encode: gradient of block " +
                                        std::to_string(t.block) + " has size " +
                                        std::to_string(blockGradients[t.block].size()) +
                                        ", expected " + std::to_string(d));
        }
        f.noalias() += t.coefficient * blockGradients[t.block];
    }
    return f;
}

DenseVector
IterationPlan::EncodeFromPartitions(uint32_t taskId,
                                    const std::vector<DenseVector>& partitionGradients) const
{
    const CodingTask& task = Task(taskId);
    if (partitionGradients.size() != m_numPartitions)
    {
        throw std::invalid_argument(
            "IterationPlan::EncodeFromPartitions: " + std::to_string(partitionGradients.size()) +
            " partition gradients given, K = " + std::to_string(m_numPartitions));
    }
    DenseVector f;
    for (const auto& t : task.terms)
    {
        const CodeBlock& block = m_blocks[t.block];
        if (block.partitions.empty())
        {
            throw std::invalid_argument("IterationPlan::EncodeFromPartitions: block " +
                                        std::to_string(t.block) + " of task " +
                                        std::to_string(taskId) +
                                        " is not made of whole partitions; use Encode()");
        }
        for (uint32_t k : block.partitions)
        {
            if (f.size() == 0)
            {
                f = DenseVector::Zero(partitionGradients[k].size());
            }
            if (partitionGradients[k].size() != f.size())
            {
                throw std::invalid_argument("IterationPlan::EncodeFromPartitions: gradient of "
                                            "partition " +
                                            std::to_string(k) + " has size " +
                                            std::to_string(partitionGradients[k].size()) +
                                            ", expected " + std::to_string(f.size()));
            }
            f.noalias() += t.coefficient * partitionGradients[k];
        }
    }
    return f;
}

DenseVector
IterationPlan::Compute(uint32_t taskId, const LearningModel& model, const Dataset& data) const
{
    const CodingTask& task = Task(taskId);
    DenseVector f = DenseVector::Zero(model.NumParameters());
    DenseVector g;
    for (const auto& t : task.terms)
    {
        model.LossAndGradient(data, m_blocks[t.block].rows, g);
        f.noalias() += t.coefficient * g;
    }
    return f;
}

} // namespace coded
} // namespace ns3
