# SPDX-License-Identifier: GPL-2.0-only
#
# coded-learning for the waf build of ns-3 <= 3.35 (copy this folder to contrib/coded-learning).
# The same files as CMakeLists.txt; the "build" CTest tests fail when the two drift.
# Checks use global_define=False so that enabling this module does not change the flags of
# (and so rebuild) every other ns-3 module.

# File lists, one block per area (the same files as the blocks of CMakeLists.txt).

# Area "learning": Learning core: data, models, optimiser (pure C++ + Eigen).
LEARNING_SOURCES = [
    'model/learning/data-partitioner.cc',
    'model/learning/dataset.cc',
    'model/learning/gradient-cache.cc',
    'model/learning/idx-file.cc',
    'model/learning/learning-model.cc',
    'model/learning/mini-batch.cc',
    'model/learning/mlp-model.cc',
    'model/learning/non-iid-partitioner.cc',
    'model/learning/random-source.cc',
    'model/learning/row-set-algebra.cc',
    'model/learning/sgd-optimizer.cc',
    'model/learning/softmax-regression-model.cc',
    'model/learning/synthetic-data-generator.cc',
]
LEARNING_HEADERS = [
    'model/learning/data-partitioner.h',
    'model/learning/dataset.h',
    'model/learning/gradient-cache.h',
    'model/learning/idx-file.h',
    'model/learning/learning-model.h',
    'model/learning/learning-types.h',
    'model/learning/mini-batch.h',
    'model/learning/mlp-model.h',
    'model/learning/non-iid-partitioner.h',
    'model/learning/random-source.h',
    'model/learning/row-set-algebra.h',
    'model/learning/sgd-optimizer.h',
    'model/learning/softmax-cross-entropy.h',
    'model/learning/softmax-regression-model.h',
    'model/learning/synthetic-data-generator.h',
]
LEARNING_BOOST_TESTS = [
    'test/learning/data-file-defects-test.cc',
    'test/learning/dataset-test.cc',
    'test/learning/gradient-cache-test.cc',
    'test/learning/idx-file-test.cc',
    'test/learning/mini-batch-test.cc',
    'test/learning/model-test.cc',
    'test/learning/non-iid-partitioner-test.cc',
    'test/learning/partitioner-test.cc',
    'test/learning/random-source-test.cc',
    'test/learning/row-set-algebra-test.cc',
    'test/learning/sgd-optimizer-test.cc',
]
LEARNING_NS3_TESTS = []

# Area "coding": Gradient codes and decoders (pure C++ + Eigen).
CODING_SOURCES = [
    'model/coding/all-of-decoder.cc',
    'model/coding/approximate-code.cc',
    'model/coding/code-matrix-decoder.cc',
    'model/coding/coding-round.cc',
    'model/coding/completion-history.cc',
    'model/coding/cyclic-repetition-code.cc',
    'model/coding/data-placement.cc',
    'model/coding/fractional-repetition-code.cc',
    'model/coding/gradient-code-factory.cc',
    'model/coding/gradient-code.cc',
    'model/coding/gradient-decoder.cc',
    'model/coding/group-decoder.cc',
    'model/coding/ignore-stragglers-code.cc',
    'model/coding/iteration-plan.cc',
    'model/coding/k-sync-code.cc',
    'model/coding/least-squares-decoder.cc',
    'model/coding/load-balancer.cc',
    'model/coding/matrix-code.cc',
    'model/coding/partial-straggler-code.cc',
    'model/coding/row-gradient-table.cc',
    'model/coding/scaled-sum-decoder.cc',
    'model/coding/span-decoder.cc',
    'model/coding/two-stage-code.cc',
    'model/coding/two-stage-round.cc',
    'model/coding/uncoded-code.cc',
]
CODING_HEADERS = [
    'model/coding/all-of-decoder.h',
    'model/coding/approximate-code.h',
    'model/coding/code-matrix-decoder.h',
    'model/coding/coding-round.h',
    'model/coding/completion-history.h',
    'model/coding/cyclic-repetition-code.h',
    'model/coding/data-placement.h',
    'model/coding/fractional-repetition-code.h',
    'model/coding/gradient-code-factory.h',
    'model/coding/gradient-code.h',
    'model/coding/gradient-decoder.h',
    'model/coding/group-decoder.h',
    'model/coding/ignore-stragglers-code.h',
    'model/coding/iteration-plan.h',
    'model/coding/k-sync-code.h',
    'model/coding/least-squares-decoder.h',
    'model/coding/load-balancer.h',
    'model/coding/matrix-code.h',
    'model/coding/partial-straggler-code.h',
    'model/coding/row-gradient-table.h',
    'model/coding/scaled-sum-decoder.h',
    'model/coding/span-decoder.h',
    'model/coding/two-stage-code.h',
    'model/coding/two-stage-round.h',
    'model/coding/uncoded-code.h',
]
CODING_BOOST_TESTS = [
    'test/coding/baselines-test.cc',
    'test/coding/cyclic-test.cc',
    'test/coding/fractional-test.cc',
    'test/coding/history-test.cc',
    'test/coding/placement-test.cc',
    'test/coding/two-stage-test.cc',
]
CODING_NS3_TESTS = []

# Area "admission": Perturbed-Lyapunov fair admission: the pure controller and its ns-3 glue.
ADMISSION_SOURCES = [
    'model/admission/admission-checks.cc',
    'model/admission/admission-metrics.cc',
    'model/admission/fair-admission-queue-disc.cc',
    'model/admission/lyapunov-admission-controller.cc',
    'model/admission/lyapunov-admission-policy.cc',
    'model/admission/lyapunov-slot-scheduler.cc',
    'model/admission/rayleigh-slot-channel.cc',
    'model/admission/source-address-packet-filter.cc',
    'model/admission/uplink-grant-ledger.cc',
    'model/admission/utility-function.cc',
]
ADMISSION_HEADERS = [
    'model/admission/admission-checks.h',
    'model/admission/admission-metrics.h',
    'model/admission/fair-admission-queue-disc.h',
    'model/admission/lyapunov-admission-controller.h',
    'model/admission/lyapunov-admission-policy.h',
    'model/admission/lyapunov-slot-scheduler.h',
    'model/admission/rayleigh-slot-channel.h',
    'model/admission/source-address-packet-filter.h',
    'model/admission/uplink-grant-ledger.h',
    'model/admission/utility-function.h',
]
ADMISSION_BOOST_TESTS = [
    'test/admission/channel-test.cc',
    'test/admission/controller-test.cc',
    'test/admission/properties-test.cc',
    'test/admission/uplink-grant-ledger-test.cc',
    'test/admission/utility-function-test.cc',
]
ADMISSION_NS3_TESTS = [
    'test/admission/policy-test-suite.cc',
    'test/admission/queue-disc-test-suite.cc',
    'test/admission/slot-scheduler-test-suite.cc',
]

# Area "wire": Wire format: header, chunk reassembly, payload codec.
WIRE_SOURCES = [
    'model/wire/coded-learning-header.cc',
    'model/wire/message-reassembler.cc',
    'model/wire/wire-codec.cc',
]
WIRE_HEADERS = [
    'model/wire/coded-learning-header.h',
    'model/wire/message-reassembler.h',
    'model/wire/wire-codec.h',
]
WIRE_BOOST_TESTS = [
    'test/wire/codec-test.cc',
    'test/wire/reassembler-test.cc',
]
WIRE_NS3_TESTS = [
    'test/wire/header-test-suite.cc',
]

# Area "transport": Message transports: UDP, TCP, ideal.
TRANSPORT_SOURCES = [
    'model/transport/chunked-message-transport.cc',
    'model/transport/ideal-message-transport.cc',
    'model/transport/message-transport.cc',
    'model/transport/tcp-message-transport.cc',
    'model/transport/udp-message-transport.cc',
]
TRANSPORT_HEADERS = [
    'model/transport/chunked-message-transport.h',
    'model/transport/ideal-message-transport.h',
    'model/transport/message-transport.h',
    'model/transport/tcp-message-transport.h',
    'model/transport/udp-message-transport.h',
]
TRANSPORT_BOOST_TESTS = []
TRANSPORT_NS3_TESTS = [
    'test/transport/tcp-transport-test-suite.cc',
]

# Area "apps": Server and worker applications, compute-time models, run summary; their helpers.
APPS_SOURCES = [
    'model/apps/compute-time-model.cc',
    'model/apps/learning-setup.cc',
    'model/apps/model-distributor.cc',
    'model/apps/ns3-random-source.cc',
    'model/apps/parameter-server-application.cc',
    'model/apps/run-diagnosis.cc',
    'model/apps/run-summary.cc',
    'model/apps/worker-application.cc',
    'helper/coded-learning-helper.cc',
    'helper/iteration-csv-writer.cc',
    'helper/admission-csv-writer.cc',
    'helper/queue-disc-csv-writer.cc',
    'helper/fault-injection-helper.cc',
    'helper/run/command-line-checks.cc',
    'helper/run/data-settings.cc',
    'helper/run/dataset-loader.cc',
    'helper/run/model-settings.cc',
    'helper/run/learning-model-factory.cc',
    'helper/run/coded-learning-run-settings.cc',
    'helper/run/coded-learning-run.cc',
]
APPS_HEADERS = [
    'model/apps/compute-time-model.h',
    'model/apps/iteration-record.h',
    'model/apps/learning-setup.h',
    'model/apps/model-distributor.h',
    'model/apps/ns3-random-source.h',
    'model/apps/parameter-server-application.h',
    'model/apps/run-diagnosis.h',
    'model/apps/run-summary.h',
    'model/apps/worker-application.h',
    'helper/coded-learning-helper.h',
    'helper/iteration-csv-writer.h',
    'helper/admission-csv-writer.h',
    'helper/queue-disc-csv-writer.h',
    'helper/fault-injection-helper.h',
    'helper/run/command-line-checks.h',
    'helper/run/data-settings.h',
    'helper/run/dataset-loader.h',
    'helper/run/model-settings.h',
    'helper/run/learning-model-factory.h',
    'helper/run/coded-learning-run-settings.h',
    'helper/run/coded-learning-run.h',
]
APPS_BOOST_TESTS = [
    'test/apps/run-diagnosis-test.cc',
    'test/apps/run-summary-test.cc',
]
APPS_NS3_TESTS = [
    'test/apps/attribute-ranges-test-suite.cc',
    'test/apps/coded-learning-test-run.h',
    'test/apps/faults-test-suite.cc',
    'test/apps/hostile-packets-test-suite.cc',
    'test/apps/model-broadcast-test-suite.cc',
    'test/apps/ns3-random-source-test-suite.cc',
    'test/apps/performance-test-suite.cc',
    'test/apps/training-test-suite.cc',
    'test/apps/uplink-admission-test-suite.cc',
]

# Area "network": Network scenarios (Wi-Fi, CSMA, point-to-point, ideal) and their models.
NETWORK_SOURCES = [
    'model/network/network-ready-signal.cc',
    'model/network/static-arp-pair.cc',
    'model/network/wifi-association-tracker.cc',
    'model/network/wifi-data-frame-error-model.cc',
    'model/network/wifi-station-loss-detector.cc',
    'helper/scenario/csma-scenario-helper.cc',
    'helper/scenario/ideal-scenario-helper.cc',
    'helper/scenario/network-scenario-factory.cc',
    'helper/scenario/network-scenario-helper.cc',
    'helper/scenario/network-setting-parser.cc',
    'helper/scenario/point-to-point-scenario-helper.cc',
    'helper/scenario/wifi-backhaul-scenario-helper.cc',
    'helper/scenario/wifi-scenario-helper.cc',
    'helper/scenario/wifi-standard-rules.cc',
]
NETWORK_HEADERS = [
    'model/network/network-ready-signal.h',
    'model/network/static-arp-pair.h',
    'model/network/wifi-association-tracker.h',
    'model/network/wifi-data-frame-error-model.h',
    'model/network/wifi-station-loss-detector.h',
    'helper/scenario/csma-scenario-helper.h',
    'helper/scenario/ideal-scenario-helper.h',
    'helper/scenario/network-scenario-factory.h',
    'helper/scenario/network-scenario-helper.h',
    'helper/scenario/network-scenario.h',
    'helper/scenario/network-setting-parser.h',
    'helper/scenario/network-settings.h',
    'helper/scenario/point-to-point-scenario-helper.h',
    'helper/scenario/wifi-backhaul-scenario-helper.h',
    'helper/scenario/wifi-scenario-helper.h',
    'helper/scenario/wifi-standard-rules.h',
]
NETWORK_BOOST_TESTS = []
NETWORK_NS3_TESTS = [
    'test/network/network-scenario-test.h',
    'test/network/scenario-test-suite.cc',
    'test/network/bad-settings-test-suite.cc',
    'test/network/loss-test-suite.cc',
    'test/network/capture-test-suite.cc',
    'test/network/stack-test-suite.cc',
    'test/network/wifi-cell-test-suite.cc',
    'test/network/backhaul-test-suite.cc',
    'test/network/wifi-block-ack-test-suite.cc',
]

# Area "compat": the one header that knows the ns-3 version (guards named after ns-3 changes).
COMPAT_SOURCES = []
COMPAT_HEADERS = [
    'model/compat/coded-learning-ns3-compat.h',
]
COMPAT_BOOST_TESTS = []
COMPAT_NS3_TESTS = []

# Area "energy": Energy accounting: CPU model and compute energy (pure), radio meter, batteries
# and their helper.
ENERGY_SOURCES = [
    'model/energy/compute-energy-ledger.cc',
    'model/energy/cpu-energy-model.cc',
    'model/energy/cpu-model.cc',
    'model/energy/radio-energy-meter.cc',
    'model/energy/worker-battery.cc',
    'helper/energy/energy-accounting-helper.cc',
    'helper/energy/energy-settings.cc',
]
ENERGY_HEADERS = [
    'model/energy/compute-energy-ledger.h',
    'model/energy/cpu-energy-model.h',
    'model/energy/cpu-model.h',
    'model/energy/radio-energy-meter.h',
    'model/energy/worker-battery.h',
    'helper/energy/energy-accounting-helper.h',
    'helper/energy/energy-settings.h',
]
ENERGY_BOOST_TESTS = [
    'test/energy/compute-energy-test.cc',
]
ENERGY_NS3_TESTS = [
    'test/energy/energy-test-suite.cc',
    'test/energy/radio-meter-test-suite.cc',
]

AREAS = ['compat', 'learning', 'coding', 'admission', 'wire', 'transport', 'apps', 'network',
         'energy']


def area_files(kind):
    """Every file of one kind ('SOURCES', 'HEADERS', 'NS3_TESTS', 'BOOST_TESTS') over the areas."""
    return [f for area in AREAS for f in globals()[area.upper() + '_' + kind]]

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
         'point-to-point', 'mobility', 'propagation', 'energy', 'flow-monitor', 'stats'])
    module.use += ['EIGEN3', 'ZLIB']
    # model/compat/coded-learning-ns3-compat.h: waf builds ns-3 <= 3.35.
    module.defines = ['CODED_LEARNING_NS3_VERSION=335']
    module.export_defines = ['CODED_LEARNING_NS3_VERSION=335']
    module.source = area_files('SOURCES')

    module_test = bld.create_ns3_module_test_library('coded-learning')
    # The tests' shared headers (e.g. test/apps/coded-learning-test-run.h) are listed, not compiled.
    module_test.source = [f for f in area_files('NS3_TESTS') if f.endswith('.cc')]

    headers = bld(features='ns3header')
    headers.module = 'coded-learning'
    headers.source = area_files('HEADERS')

    # The Boost.Test program (pure code); run it with ./waf --run coded-learning-boost-test
    if bld.env['ENABLE_TESTS'] and bld.env['ENABLE_CODED_LEARNING_BOOST_TEST']:
        boost_test = bld.create_ns3_program('coded-learning-boost-test', ['coded-learning'])
        boost_test.use += ['BOOST_UNIT_TEST']
        boost_test.source = ['test/boost-test-main.cc'] + area_files('BOOST_TESTS')

    if bld.env['ENABLE_EXAMPLES']:
        bld.recurse('examples')
