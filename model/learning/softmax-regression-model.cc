// SPDX-License-Identifier: GPL-2.0-only
#include "softmax-regression-model.h"

#include "softmax-cross-entropy.h"

namespace ns3
{
namespace coded
{

SoftmaxRegressionModel::SoftmaxRegressionModel(uint32_t numFeatures, uint32_t numClasses)
    : LearningModel(numFeatures, numClasses, (numFeatures + 1) * numClasses)
{
}

std::string
SoftmaxRegressionModel::Name() const
{
    return "softmax";
}

std::unique_ptr<LearningModel>
SoftmaxRegressionModel::Clone() const
{
    return std::make_unique<SoftmaxRegressionModel>(*this);
}

void
SoftmaxRegressionModel::Initialise(RandomSource& /* rng */)
{
    m_params.setZero();
}

double
SoftmaxRegressionModel::Block(const Dataset& data,
                              RowRange rows,
                              DenseVector* gradient,
                              uint64_t* correct) const
{
    return GetPrecision() == Precision::FLOAT32 ? BlockT<float>(data, rows, gradient, correct)
                                                : BlockT<double>(data, rows, gradient, correct);
}

template <typename T>
double
SoftmaxRegressionModel::BlockT(const Dataset& data,
                               RowRange rows,
                               DenseVector* gradient,
                               uint64_t* correct) const
{
    using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
    using RowMajor = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Eigen::Index d = NumFeatures();
    const Eigen::Index c = NumClasses();
    const Matrix w = Eigen::Map<const Eigen::MatrixXd>(m_params.data(), d, c).cast<T>();
    const Eigen::Matrix<T, 1, Eigen::Dynamic> b = m_params.tail(c).transpose().cast<T>();
    const Eigen::Ref<const RowMajor> x =
        data.Features().middleRows(rows.begin, rows.Size()).template cast<T>();

    Matrix z = x * w;
    z.rowwise() += b;
    const double loss =
        SoftmaxCrossEntropy<T>(z, data.Labels(), rows.begin, gradient != nullptr, correct);
    if (gradient != nullptr)
    {
        const Matrix gw = x.transpose() * z;
        Eigen::Map<Eigen::MatrixXd>(gradient->data(), d, c) += gw.template cast<double>();
        gradient->tail(c) += z.colwise().sum().transpose().template cast<double>();
    }
    return loss;
}

} // namespace coded
} // namespace ns3
