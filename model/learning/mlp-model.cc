// SPDX-License-Identifier: GPL-2.0-only
#include "mlp-model.h"

#include "softmax-cross-entropy.h"

#include <cmath>

namespace ns3
{
namespace coded
{

MlpModel::MlpModel(uint32_t numFeatures,
                   uint32_t numHidden,
                   uint32_t numClasses,
                   Activation activation)
    : LearningModel(numFeatures,
                    numClasses,
                    (numFeatures + 1) * numHidden + (numHidden + 1) * numClasses),
      m_numHidden(numHidden),
      m_activation(activation)
{
    if (numHidden < 1)
    {
        throw std::invalid_argument("mlp: numHidden = 0, must be >= 1");
    }
}

std::string
MlpModel::Name() const
{
    return "mlp";
}

std::unique_ptr<LearningModel>
MlpModel::Clone() const
{
    return std::make_unique<MlpModel>(*this);
}

void
MlpModel::Initialise(RandomSource& rng)
{
    const uint32_t d = NumFeatures();
    const uint32_t h = m_numHidden;
    const uint32_t c = NumClasses();
    const double fan1 = m_activation == Activation::RELU ? d : d + h;
    const double a1 = std::sqrt(6.0 / fan1);
    const double a2 = std::sqrt(6.0 / (h + c));
    m_params.setZero();
    double* p = m_params.data();
    for (uint32_t i = 0; i < d * h; ++i)
    {
        p[i] = a1 * (2.0 * rng.Uniform() - 1.0);
    }
    p += (d + 1) * h;
    for (uint32_t i = 0; i < h * c; ++i)
    {
        p[i] = a2 * (2.0 * rng.Uniform() - 1.0);
    }
}

double
MlpModel::Block(const Dataset& data, RowRange rows, DenseVector* gradient, uint64_t* correct) const
{
    return GetPrecision() == Precision::FLOAT32 ? BlockT<float>(data, rows, gradient, correct)
                                                : BlockT<double>(data, rows, gradient, correct);
}

template <typename T>
double
MlpModel::BlockT(const Dataset& data, RowRange rows, DenseVector* gradient, uint64_t* correct) const
{
    using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
    using RowMajor = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    using RowVec = Eigen::Matrix<T, 1, Eigen::Dynamic>;
    const Eigen::Index d = NumFeatures();
    const Eigen::Index h = m_numHidden;
    const Eigen::Index c = NumClasses();
    const double* p = m_params.data();
    const Matrix w1 = Eigen::Map<const Eigen::MatrixXd>(p, d, h).cast<T>();
    const RowVec b1 = Eigen::Map<const Eigen::RowVectorXd>(p + d * h, h).cast<T>();
    const Matrix w2 = Eigen::Map<const Eigen::MatrixXd>(p + (d + 1) * h, h, c).cast<T>();
    const RowVec b2 = Eigen::Map<const Eigen::RowVectorXd>(p + (d + 1) * h + h * c, c).cast<T>();
    const Eigen::Ref<const RowMajor> x =
        data.Features().middleRows(rows.begin, rows.Size()).template cast<T>();

    Matrix a = x * w1;
    a.rowwise() += b1;
    Matrix hidden;
    switch (m_activation)
    {
    case Activation::RELU:
        hidden = a.cwiseMax(T(0));
        break;
    case Activation::TANH:
        hidden = a.array().tanh().matrix();
        break;
    case Activation::SIGMOID:
        hidden = (T(1) / (T(1) + (-a.array()).exp())).matrix();
        break;
    }
    Matrix z = hidden * w2;
    z.rowwise() += b2;
    const double loss =
        SoftmaxCrossEntropy<T>(z, data.Labels(), rows.begin, gradient != nullptr, correct);
    if (gradient == nullptr)
    {
        return loss;
    }
    double* g = gradient->data();
    // z now holds dLoss/dz.
    const Matrix gw2 = hidden.transpose() * z;
    Eigen::Map<Eigen::MatrixXd>(g + (d + 1) * h, h, c) += gw2.template cast<double>();
    Eigen::Map<Eigen::RowVectorXd>(g + (d + 1) * h + h * c, c) +=
        z.colwise().sum().template cast<double>();
    Matrix delta = z * w2.transpose(); // dLoss/dhidden
    switch (m_activation)
    {
    case Activation::RELU:
        delta = (a.array() > T(0)).select(delta, T(0));
        break;
    case Activation::TANH:
        delta.array() *= (T(1) - hidden.array().square());
        break;
    case Activation::SIGMOID:
        delta.array() *= hidden.array() * (T(1) - hidden.array());
        break;
    }
    const Matrix gw1 = x.transpose() * delta;
    Eigen::Map<Eigen::MatrixXd>(g, d, h) += gw1.template cast<double>();
    Eigen::Map<Eigen::RowVectorXd>(g + d * h, h) += delta.colwise().sum().template cast<double>();
    return loss;
}

} // namespace coded
} // namespace ns3
