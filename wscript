# SPDX-License-Identifier: GPL-2.0-only
#
# coded-learning for the waf build of ns-3 <= 3.35 (copy this folder to contrib/coded-learning).
# The same files as CMakeLists.txt; the "build" CTest tests fail when the two drift.
# Checks use global_define=False so that enabling this module does not change the flags of
# (and so rebuild) every other ns-3 module.

# File lists, one block per area (the same files as the blocks of CMakeLists.txt).
LEARNING_SOURCES = [
    'model/random-source.cc',
    'model/idx-file.cc',
    'model/dataset.cc',
    'model/synthetic-data-generator.cc',
    'model/data-partitioner.cc',
    'model/learning-model.cc',
    'model/softmax-regression-model.cc',
    'model/mlp-model.cc',
    'model/sgd-optimizer.cc',
    'model/ns3-random-source.cc',
    'model/mini-batch.cc',
    'model/gradient-cache.cc',
]
LEARNING_HEADERS = [
    'model/learning-types.h',
    'model/random-source.h',
    'model/idx-file.h',
    'model/dataset.h',
    'model/synthetic-data-generator.h',
    'model/data-partitioner.h',
    'model/learning-model.h',
    'model/softmax-cross-entropy.h',
    'model/softmax-regression-model.h',
    'model/mlp-model.h',
    'model/sgd-optimizer.h',
    'model/ns3-random-source.h',
    'model/mini-batch.h',
    'model/gradient-cache.h',
]
LEARNING_NS3_TESTS = [
    'test/ns3-random-source-test-suite.cc',
]
LEARNING_BOOST_TESTS = [
    'test/boost-test-main.cc',
    'test/learning-random-source-test.cc',
    'test/learning-idx-file-test.cc',
    'test/learning-dataset-test.cc',
    'test/learning-partitioner-test.cc',
    'test/learning-model-test.cc',
    'test/learning-sgd-optimizer-test.cc',
    'test/learning-mini-batch-test.cc',
    'test/learning-gradient-cache-test.cc',
]

CODING_SOURCES = [
    'model/iteration-plan.cc',
    'model/gradient-decoder.cc',
    'model/group-decoder.cc',
    'model/scaled-sum-decoder.cc',
    'model/least-squares-decoder.cc',
    'model/all-of-decoder.cc',
    'model/first-of-decoder.cc',
    'model/coding-round.cc',
    'model/completion-history.cc',
    'model/gradient-code.cc',
    'model/uncoded-code.cc',
    'model/ignore-stragglers-code.cc',
    'model/k-sync-code.cc',
    'model/fractional-repetition-code.cc',
    'model/cyclic-repetition-code.cc',
    'model/approximate-code.cc',
    'model/partial-straggler-code.cc',
    'model/two-stage-code.cc',
    'model/gradient-code-factory.cc',
    'model/row-gradient-table.cc',
]
CODING_HEADERS = [
    'model/iteration-plan.h',
    'model/gradient-decoder.h',
    'model/group-decoder.h',
    'model/scaled-sum-decoder.h',
    'model/least-squares-decoder.h',
    'model/all-of-decoder.h',
    'model/first-of-decoder.h',
    'model/coding-round.h',
    'model/completion-history.h',
    'model/gradient-code.h',
    'model/uncoded-code.h',
    'model/ignore-stragglers-code.h',
    'model/k-sync-code.h',
    'model/fractional-repetition-code.h',
    'model/cyclic-repetition-code.h',
    'model/approximate-code.h',
    'model/partial-straggler-code.h',
    'model/two-stage-code.h',
    'model/gradient-code-factory.h',
    'model/row-gradient-table.h',
]
CODING_NS3_TESTS = []
CODING_BOOST_TESTS = [
    'test/coding-cyclic-test.cc',
    'test/coding-fractional-test.cc',
    'test/coding-baselines-test.cc',
    'test/coding-two-stage-test.cc',
    'test/coding-history-test.cc',
]

ADMISSION_SOURCES = [
    'model/utility-function.cc',
    'model/admission-metrics.cc',
    'model/lyapunov-admission-controller.cc',
    'model/rayleigh-slot-channel.cc',
    'model/lyapunov-slot-scheduler.cc',
    'model/fair-admission-queue-disc.cc',
]
ADMISSION_HEADERS = [
    'model/utility-function.h',
    'model/admission-metrics.h',
    'model/lyapunov-admission-controller.h',
    'model/rayleigh-slot-channel.h',
    'model/lyapunov-slot-scheduler.h',
    'model/fair-admission-queue-disc.h',
]
ADMISSION_NS3_TESTS = [
    'test/admission-slot-scheduler-test-suite.cc',
    'test/admission-queue-disc-test-suite.cc',
]
ADMISSION_BOOST_TESTS = [
    'test/admission-utility-function-test.cc',
    'test/admission-controller-test.cc',
    'test/admission-channel-test.cc',
    'test/admission-properties-test.cc',
]


WIRE_SOURCES = [
    'model/coded-learning-header.cc',
    'model/message-reassembler.cc',
    'model/wire-codec.cc',
]
WIRE_HEADERS = [
    'model/coded-learning-header.h',
    'model/message-reassembler.h',
    'model/wire-codec.h',
]
WIRE_NS3_TESTS = [
    'test/wire-header-test-suite.cc',
]
WIRE_BOOST_TESTS = [
    'test/wire-reassembler-test.cc',
    'test/wire-codec-test.cc',
]

NETWORK_SOURCES = ['helper/network-scenario-helper.cc']
NETWORK_HEADERS = ['helper/network-scenario-helper.h']
NETWORK_NS3_TESTS = ['test/network-scenario-test-suite.cc']

TCP_SOURCES = ['model/tcp-message-transport.cc']
TCP_HEADERS = ['model/tcp-message-transport.h']
TCP_NS3_TESTS = ['test/tcp-transport-test-suite.cc']

FAULTS_SOURCES = ['helper/fault-injection-helper.cc']
FAULTS_HEADERS = ['helper/fault-injection-helper.h']
FAULTS_NS3_TESTS = ['test/hardening-faults-test-suite.cc']

APPS_SOURCES = [
    'model/compute-time-model.cc',
    'model/message-transport.cc',
    'model/chunked-message-transport.cc',
    'model/udp-message-transport.cc',
    'model/ideal-message-transport.cc',
    'model/learning-setup.cc',
    'model/worker-application.cc',
    'model/parameter-server-application.cc',
    'helper/coded-learning-helper.cc',
    'helper/iteration-csv-writer.cc',
    'helper/command-line-checks.cc',
    'model/run-summary.cc',
    'helper/admission-csv-writer.cc',
]
APPS_HEADERS = [
    'model/compute-time-model.h',
    'model/message-transport.h',
    'model/chunked-message-transport.h',
    'model/udp-message-transport.h',
    'model/ideal-message-transport.h',
    'model/learning-setup.h',
    'model/iteration-record.h',
    'model/worker-application.h',
    'model/parameter-server-application.h',
    'helper/coded-learning-helper.h',
    'helper/iteration-csv-writer.h',
    'helper/command-line-checks.h',
    'model/run-summary.h',
    'helper/admission-csv-writer.h',
]
APPS_NS3_TESTS = ['test/apps-training-test-suite.cc',
                  'test/apps-performance-test-suite.cc']
APPS_BOOST_TESTS = ['test/apps-run-summary-test.cc']
# Area "hardening" (issue 7), bad input.
HARDENING_INPUT_NS3_TESTS = ['test/hardening-attributes-test-suite.cc',
                             'test/hardening-packets-test-suite.cc']
HARDENING_INPUT_BOOST_TESTS = ['test/hardening-data-test.cc']


def configure(conf):
    conf.env['ENABLE_CODED_LEARNING'] = False
    have_eigen = conf.check_cfg(package='eigen3', uselib_store='EIGEN3',
                                args=['--cflags'], mandatory=False, global_define=False)
    if not have_eigen:
        have_eigen = conf.check_cxx(header_name='Eigen/Core', includes=['/usr/include/eigen3'],
                                    uselib_store='EIGEN3', mandatory=False,
                                    global_define=False)
        if have_eigen:
            conf.env['INCLUDES_EIGEN3'] = ['/usr/include/eigen3']
    have_zlib = conf.check_cxx(lib='z', header_name='zlib.h', uselib_store='ZLIB',
                               mandatory=False, global_define=False)
    have_boost_test = conf.check_cxx(lib='boost_unit_test_framework',
                                     header_name='boost/test/unit_test.hpp',
                                     defines=['BOOST_TEST_DYN_LINK'],
                                     uselib_store='BOOST_UNIT_TEST', mandatory=False,
                                     global_define=False)
    if have_eigen and have_zlib:
        conf.env['ENABLE_CODED_LEARNING'] = True
        # Eigen's own warnings are not ours.
        conf.env['CXXFLAGS_EIGEN3'] = ['-isystem', conf.env['INCLUDES_EIGEN3'][0]] \
            if conf.env['INCLUDES_EIGEN3'] else []
    else:
        conf.env['MODULES_NOT_BUILT'].append('coded-learning')
    conf.env['ENABLE_CODED_LEARNING_BOOST_TEST'] = bool(have_boost_test)
    conf.report_optional_feature(
        'coded-learning', 'coded-learning (Eigen3 + zlib)',
        conf.env['ENABLE_CODED_LEARNING'],
        'eigen3 and/or zlib not found (apt-get install libeigen3-dev zlib1g-dev)')


def build(bld):
    if 'coded-learning' in bld.env['MODULES_NOT_BUILT']:
        return
    module = bld.create_ns3_module(
        'coded-learning',
        ['core', 'network', 'internet', 'applications', 'traffic-control', 'wifi', 'csma',
         'point-to-point', 'mobility', 'propagation', 'flow-monitor', 'stats'])
    module.use += ['EIGEN3', 'ZLIB']
    # Selects the ns-3.35 API where 3.36 changed it (e.g. Wi-Fi standard names).
    module.defines = ['CODED_LEARNING_NS3_VERSION=335']
    module.export_defines = ['CODED_LEARNING_NS3_VERSION=335']
    module.source = (LEARNING_SOURCES + CODING_SOURCES + ADMISSION_SOURCES + WIRE_SOURCES +
                     NETWORK_SOURCES + APPS_SOURCES + TCP_SOURCES +
                     FAULTS_SOURCES)

    module_test = bld.create_ns3_module_test_library('coded-learning')
    module_test.source = (LEARNING_NS3_TESTS + CODING_NS3_TESTS + ADMISSION_NS3_TESTS +
                          WIRE_NS3_TESTS + NETWORK_NS3_TESTS + APPS_NS3_TESTS +
                          TCP_NS3_TESTS + HARDENING_INPUT_NS3_TESTS + FAULTS_NS3_TESTS)

    headers = bld(features='ns3header')
    headers.module = 'coded-learning'
    headers.source = (LEARNING_HEADERS + CODING_HEADERS + ADMISSION_HEADERS + WIRE_HEADERS +
                      NETWORK_HEADERS + APPS_HEADERS + TCP_HEADERS +
                      FAULTS_HEADERS)

    # The Boost.Test program (pure code); run it with ./waf --run coded-learning-boost-test
    if bld.env['ENABLE_TESTS'] and bld.env['ENABLE_CODED_LEARNING_BOOST_TEST']:
        boost_test = bld.create_ns3_program('coded-learning-boost-test', ['coded-learning'])
        boost_test.use += ['BOOST_UNIT_TEST']
        boost_test.source = (LEARNING_BOOST_TESTS + CODING_BOOST_TESTS + ADMISSION_BOOST_TESTS +
                             WIRE_BOOST_TESTS + APPS_BOOST_TESTS +
                             HARDENING_INPUT_BOOST_TESTS)

    if bld.env['ENABLE_EXAMPLES']:
        bld.recurse('examples')
