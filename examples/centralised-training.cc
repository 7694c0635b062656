// SPDX-License-Identifier: GPL-2.0-only
//
// Centralised training with the learning core: the baseline every distributed run is
// compared with, and a check that the data, the model and the optimiser learn.
//
//   ./build/examples/centralised-training                       # Fashion-MNIST, softmax
//   ./build/examples/centralised-training --model=mlp --hidden=128 --epochs=10
//   ./build/examples/centralised-training --dataset=synthetic --epochs=3
//
// Prints the wall time of a full-batch gradient and the test accuracy after every epoch, and
// writes the per-epoch CSV given by --output (no wall times in it: same flags and --RngRun,
// same bytes).

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>

using namespace ns3;
using namespace ns3::coded;

namespace
{

/// Seconds since an instant on the steady clock.
double
SecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// The program's own flags (the data and model flags are DataSettings and ModelSettings).
struct TrainingFlags
{
    uint32_t epochs{5};                             //!< passes over the training set
    uint32_t batchSize{100};                        //!< mini-batch size; 0 = full batch
    double learningRate{0.1};                       //!< eta
    double momentum{0.0};                           //!< momentum
    double weightDecay{0.0};                        //!< L2 coefficient
    std::string schedule{"constant"};               //!< learning-rate schedule
    double gamma{0.5};                              //!< decay factor of the schedule
    uint32_t stepSize{1000};                        //!< steps per decay (step schedule)
    uint32_t gradientTimings{3};                    //!< full-batch gradients timed first
    std::string output{"centralised-training.csv"}; //!< per-epoch CSV, or "none"
};

/// Times full-batch gradients and prints their mean and best wall time.
/// \param model the model \param train the training set \param count gradients to time
/// \param gradient the gradient buffer
void
TimeGradients(LearningModel& model, const Dataset& train, uint32_t count, DenseVector& gradient)
{
    const RowSet all = train.AllRows();
    double best = 1e300;
    double total = 0.0;
    for (uint32_t i = 0; i < count; ++i)
    {
        auto start = std::chrono::steady_clock::now();
        model.LossAndGradient(train, all, gradient);
        const double s = SecondsSince(start);
        best = std::min(best, s);
        total += s;
    }
    std::cout << "full-batch gradient (" << train.NumSamples() << " x " << train.NumFeatures()
              << "): mean " << std::setprecision(4) << total / count << " s, best " << best
              << " s over " << count << " runs\n";
}

/// Trains epoch by epoch (a fresh random order each epoch, mini-batch SGD), printing each
/// epoch and writing it to the CSV. \param model the model \param train the training set
/// \param test the test set \param f the flags \param opt the optimiser \param orderRng the
/// source of the orders \param gradient the gradient buffer
void
Train(LearningModel& model,
      const Dataset& train,
      const Dataset& test,
      const TrainingFlags& f,
      const SgdOptimizer::Config& opt,
      RandomSource& orderRng,
      DenseVector& gradient)
{
    std::ofstream csv;
    if (f.output != "none")
    {
        csv.open(f.output);
        if (!csv)
        {
            throw std::runtime_error("--output=" + f.output + ": cannot open for writing");
        }
        csv << "epoch,steps,mean_train_loss,test_loss,test_accuracy\n";
        csv << std::setprecision(9);
    }

    SgdOptimizer sgd(opt);
    DenseVector params = model.Parameters();
    const uint32_t n = train.NumSamples();
    const uint32_t batch = f.batchSize == 0 ? n : f.batchSize;
    std::cout << std::setprecision(4);
    for (uint32_t epoch = 1; epoch <= f.epochs; ++epoch)
    {
        auto start = std::chrono::steady_clock::now();
        // A fresh random order each epoch; the last incomplete batch is dropped, as usual.
        const Dataset shuffled = f.batchSize == 0 ? train : train.Gather(orderRng.Permutation(n));
        double lossSum = 0.0;
        uint64_t seen = 0;
        for (uint32_t first = 0; first + batch <= n; first += batch)
        {
            const RowSet rows{RowRange{first, first + batch}};
            lossSum += model.LossAndGradient(shuffled, rows, gradient);
            seen += batch;
            sgd.Step(params, gradient, batch);
            model.SetParameters(params);
        }
        const double testLoss = model.Loss(test, test.AllRows()) / test.NumSamples();
        const double accuracy = model.Accuracy(test);
        std::cout << "epoch " << epoch << ": mean training loss " << lossSum / seen
                  << ", test loss " << testLoss << ", test accuracy " << accuracy << " ("
                  << SecondsSince(start) << " s)\n";
        if (csv.is_open())
        {
            csv << epoch << ',' << sgd.StepCount() << ',' << lossSum / seen << ',' << testLoss
                << ',' << accuracy << '\n';
        }
    }
    if (csv.is_open())
    {
        csv.close();
        std::cout << "wrote " << f.output << '\n';
    }
}

int
Run(int argc, char* argv[])
{
    DataSettings data;
    ModelSettings modelSettings;
    TrainingFlags f;
    CommandLine cmd(__FILE__);
    cmd.Usage("Centralised (single-node) training with the coded-learning learning core.");
    data.AddFlags(cmd);
    data.AddTestLimitFlag(cmd);
    modelSettings.AddFlags(cmd);
    modelSettings.AddArithmeticFlags(cmd);
    cmd.AddValue("epochs", "Passes over the training set (>= 1)", f.epochs);
    cmd.AddValue("batchSize", "Mini-batch size; 0 = full-batch gradient descent", f.batchSize);
    cmd.AddValue("learningRate", "Learning rate eta (> 0)", f.learningRate);
    cmd.AddValue("momentum", "Momentum in [0, 1)", f.momentum);
    cmd.AddValue("weightDecay", "L2 regularisation coefficient (>= 0)", f.weightDecay);
    cmd.AddValue("schedule", "Learning-rate schedule: constant, step or inverse-time", f.schedule);
    cmd.AddValue("gamma", "Decay factor of the step / inverse-time schedule", f.gamma);
    cmd.AddValue("stepSize", "Steps per decay of the step schedule (>= 1)", f.stepSize);
    cmd.AddValue("gradientTimings",
                 "Full-batch gradients to time before training (0 = none)",
                 f.gradientTimings);
    cmd.AddValue("output", "Per-epoch CSV file ('none' = do not write one)", f.output);
    cmd.Parse(argc, argv);

    data.Validate();
    modelSettings.Validate();
    if (f.epochs < 1)
    {
        throw std::invalid_argument("--epochs=0: must be >= 1");
    }
    if (modelSettings.hidden < 1)
    {
        throw std::invalid_argument("--hidden=0: must be >= 1");
    }
    SgdOptimizer::Config opt;
    opt.learningRate = f.learningRate;
    opt.momentum = f.momentum;
    opt.weightDecay = f.weightDecay;
    opt.schedule = SgdOptimizer::ParseSchedule(f.schedule);
    opt.gamma = f.gamma;
    opt.stepSize = f.stepSize;
    SgdOptimizer::Validate(opt);

    // Stream 0: data order and mini-batches; stream 1: model initialisation and synthetic data.
    Ptr<Ns3RandomSource> orderRng = CreateObject<Ns3RandomSource>();
    Ptr<Ns3RandomSource> modelRng = CreateObject<Ns3RandomSource>();
    orderRng->AssignStreams(0);
    modelRng->AssignStreams(1);

    auto t0 = std::chrono::steady_clock::now();
    const DatasetLoader::Sets sets = DatasetLoader::Load(data, *modelRng);
    const Dataset& train = *sets.train;
    const Dataset& test = *sets.test;
    if (f.batchSize > train.NumSamples())
    {
        throw std::invalid_argument("--batchSize=" + std::to_string(f.batchSize) +
                                    ": larger than the training set (" +
                                    std::to_string(train.NumSamples()) + " samples)");
    }
    std::cout << "data: " << data.dataset << ", " << train.NumSamples() << " training and "
              << test.NumSamples() << " test samples of " << train.NumFeatures() << " features, "
              << train.NumClasses() << " classes (loaded in " << std::fixed << std::setprecision(3)
              << SecondsSince(t0) << " s)\n";

    std::unique_ptr<LearningModel> model = LearningModelFactory::Create(modelSettings,
                                                                        train.NumFeatures(),
                                                                        train.NumClasses(),
                                                                        *modelRng);
    std::cout << "model: " << model->Name() << ", " << model->NumParameters() << " parameters, "
              << modelSettings.precision << " arithmetic\n";

    DenseVector gradient;
    if (f.gradientTimings > 0)
    {
        TimeGradients(*model, train, f.gradientTimings, gradient);
    }
    Train(*model, train, test, f, opt, *orderRng, gradient);
    return 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    try
    {
        return Run(argc, argv);
    }
    catch (const std::exception& e)
    {
        std::cerr << "centralised-training: error: " << e.what() << '\n';
        return 1;
    }
}
