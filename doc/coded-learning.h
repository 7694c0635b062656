// SPDX-License-Identifier: GPL-2.0-only
//
// Doxygen group of the coded-learning module (documentation only; nothing includes this file).

/**
 * \defgroup coded-learning Coded distributed learning
 *
 * Straggler-tolerant distributed learning over ns-3 networks: a parameter server and n
 * workers (ns3::ParameterServerApplication, ns3::WorkerApplication) train a real model on a
 * real benchmark data set (Fashion-MNIST) with real gradients, gradient codes decide what each
 * worker computes and when the server can decode the full gradient, and a perturbed-Lyapunov
 * controller (ns3::coded::LyapunovAdmissionController) decides who may upload when.
 *
 * The pure parts live in namespace ns3::coded and use only Eigen and the standard library:
 * the learning core (ns3::coded::Dataset, ns3::coded::LearningModel, ns3::coded::SgdOptimizer),
 * the gradient codes (ns3::coded::GradientCode, ns3::coded::CodingRound) and the admission
 * controller. The ns-3 glue (applications, transports, header, queue disc, helpers) is in
 * namespace ns3.
 *
 * The user documentation is doc/coded-learning.rst (model description, usage, validation);
 * the examples are coded-learning-sim, centralised-training and lyapunov-tradeoff.
 */
