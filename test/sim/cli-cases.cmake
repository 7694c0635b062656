# SPDX-License-Identifier: GPL-2.0-only
#
# The bad-input catalogue of the example programs (labels sim and hardening); each case is its
# own CTest test "sim/cli/<name>" (coded_learning_add_cli_test in cmake/coded-learning-testing.cmake).
# Every case must exit with code 1 and print the regex (Python syntax) on stderr. Cases that are
# not about the data use the synthetic data set and the ideal network, so each takes well under
# a second. Included from test/sim/tests.cmake.

# cl_sim(<name> <regex> <flag>...): coded-learning-sim with small synthetic defaults; the flags
# given come last and override them.
function(cl_sim name regex)
  coded_learning_add_cli_test(
    sim-${name} TARGET coded-learning-sim REGEX "${regex}"
    ARGS --dataset=synthetic --trainLimit=200 --network=ideal --iterations=2
         --outDir=@TMP@/out ${ARGN}
  )
endfunction()

# cl_data(<variant> <regex>): coded-learning-sim on crafted Fashion-MNIST files.
function(cl_data variant regex)
  coded_learning_add_cli_test(
    sim-data-${variant} TARGET coded-learning-sim SETUP idx:${variant} REGEX "${regex}"
    ARGS --dataset=fashion-mnist --dataDir=@TMP@/data --network=ideal --workers=2
         --iterations=2 --outDir=@TMP@/out
  )
endfunction()

# --- coded-learning-sim: numbers out of range ------------------------------------------------
cl_sim(workers-zero [=[--workers=0: allowed range is \[1, 65535\]]=] --workers=0)
cl_sim(workers-negative [=[--workers=4294967295: allowed range is \[1, 65535\]]=] --workers=-1)
cl_sim(iterations-zero [=[--iterations=0: allowed range is \[1, ]=] --iterations=0)
cl_sim(eval-interval-zero [=[--evalInterval=0: allowed range is \[1, ]=] --evalInterval=0)
cl_sim(loss-rate-negative [=[--lossRate=-0.1: allowed range is \[0, 1\]]=] --lossRate=-0.1)
cl_sim(loss-rate-above-one [=[--lossRate=1.5: allowed range is \[0, 1\]]=] --lossRate=1.5)
cl_sim(loss-rate-nan [=[Invalid command-line argument.*lossRate]=] --lossRate=nan)
cl_sim(slow-fraction-above-one [=[--slowFraction=2: allowed range is \[0, 1\]]=] --slowFraction=2)
cl_sim(slowdown-below-one [=[--slowdown=0.5: allowed range is \[1, ]=] --slowdown=0.5)
cl_sim(compute-unit-zero [=[--computeUnitMs=0: allowed range is \[1e-09, ]=] --computeUnitMs=0)
cl_sim(compute-unit-negative [=[--computeUnitMs=-3: allowed range]=] --computeUnitMs=-3)
cl_sim(deadline-negative [=[--deadline=-1: allowed range is \[1e-09, ]=] --deadline=-1)
cl_sim(hidden-zero [=[--hidden=0: allowed range is \[1, ]=] --model=mlp --hidden=0)
cl_sim(v-zero [=[--V=0: allowed range is \[1e-09, ]=] --admission=lyapunov --V=0)
cl_sim(v-negative [=[--V=-5: allowed range]=] --admission=lyapunov --V=-5)
cl_sim(theta-negative [=[--theta=-1: allowed range is \[0, ]=] --admission=lyapunov --theta=-1)
cl_sim(work-conserving-not-a-bool [=[Invalid command-line argument.*workConserving]=] --admission=lyapunov
       --workConserving=maybe)
cl_sim(partition-unknown [=[--partition=skewed: allowed values are iid, sorted, label-skew, dirichlet]=] --partition=skewed)
cl_sim(partition-classes-zero [=[--partitionClasses=0: allowed range is \[1, ]=] --partition=label-skew --partitionClasses=0)
cl_sim(partition-classes-too-many [=[--partitionClasses=11.*exceeds the 10 classes]=] --partition=label-skew --partitionClasses=11)
cl_sim(dirichlet-alpha-zero [=[--dirichletAlpha=0: allowed range is \[1e-06, ]=] --partition=dirichlet --dirichletAlpha=0)
cl_sim(learning-rate-zero [=[--learningRate=0 --momentum=0.9: learningRate = 0\.0+: must be finite and > 0]=]
       --learningRate=0)
cl_sim(momentum-one [=[--momentum=1: momentum = 1\.0+]=] --momentum=1)

cl_sim(require-decoded-above-one [=[--requireDecoded=2: allowed range is \[0, 1\]]=]
       --requireDecoded=2)

# --- coded-learning-sim: runs that diverge or decode nothing (issue "silent failure") ---------
# cl_outcome(<name> <status> <regex> <flag>...): like cl_sim, but the program must exit with
# <status> (3 diverged, 4 too few decoded with --requireDecoded, 0 a warning) and stderr match.
function(cl_outcome name status regex)
  coded_learning_add_cli_test(
    sim-${name} TARGET coded-learning-sim REGEX "${regex}" EXPECT_STATUS ${status}
    ARGS --dataset=synthetic --trainLimit=200 --network=ideal --iterations=2
         --outDir=@TMP@/out ${ARGN}
  )
endfunction()
cl_outcome(diverged-learning-rate 3
           [=[error: training diverged in iteration 1: the result of task [0-9]+ computed by worker [0-9]+ \(its coded gradient or loss\) is not finite \(NaN or infinite\)\. Likely causes: the learning rate \(--learningRate=1e\+300\) is too large]=]
           --learningRate=1e300 --network=p2p)
cl_outcome(silent-loss-udp 0
           [=[warning: 0 of 2 iterations decoded \(0 decoded, 2 deadline, 0 diverged\)\n.*likely cause: no worker finished or cancelled a task: the models and tasks did not reach the workers before the iteration deadline \(1 s\): lost on the downlink at packet loss rate 1]=]
           --network=p2p --lossRate=1)
cl_outcome(silent-loss-tcp 0 [=[likely cause: no worker finished or cancelled a task]=]
           --network=p2p --transport=tcp --lossRate=1)
cl_outcome(silent-slow-link 0 [=[a link down or too slow, or a deadline shorter than one model]=]
           --network=p2p --p2pRate=1bps)
cl_outcome(silent-short-deadline 0 [=[the iteration deadline \(1e-06 s\)]=]
           --network=p2p --deadline=0.000001)
cl_outcome(silent-wifi-out-of-range 0
           [=[likely cause: no Wi-Fi station is associated with the access point]=]
           --network=wifi --workers=2 --distance=1e9)
# The Wi-Fi run of doc/hardening.rst that used to decode nothing (10 workers, TCP, loss 0.5,
# RngRun 3: ns-3.37's pending recipient Block Ack agreement; the explicit Block Ack Requests of
# WifiScenarioHelper avoid it): at least 9 of 10 iterations must decode.
coded_learning_add_cli_test(
  sim-wifi-tcp-loss-block-ack TARGET coded-learning-sim EXPECT_SUCCESS
  REGEX [=[10 iterations \((9|10) decoded\)]=]
  ARGS --dataset=synthetic --trainLimit=2000 --workers=10 --iterations=10 --slowFraction=0
       --deadline=0.2 --network=wifi --scheme=cyclic-repetition --stragglers=2 --lossRate=0.5
       --transport=tcp --RngRun=3 --requireDecoded=0.9 --outDir=@TMP@/out
)
cl_outcome(require-decoded-not-met 4
           [=[error: --requireDecoded=0\.5: only 0 of the 2 iterations decoded \(exit status 4\)]=]
           --network=p2p --lossRate=1 --requireDecoded=0.5)

# --- coded-learning-sim: names that are not allowed ------------------------------------------
cl_sim(scheme-unknown [=[--scheme=magic: allowed values are uncoded, ignore-stragglers]=]
       --scheme=magic)
cl_sim(network-unknown [=[--network=lte: allowed values are wifi, csma, p2p, ideal]=] --network=lte)
cl_sim(transport-unknown [=[--transport=quic: allowed values are udp, tcp]=] --transport=quic)
cl_sim(model-delivery-unknown [=[--modelDelivery=multicast: allowed values are unicast, broadcast]=]
       --modelDelivery=multicast)
cl_sim(model-delivery-broadcast-ideal
       [=[--modelDelivery=broadcast needs one subnet with link-layer broadcast: --network=wifi or csma, not --network=ideal]=]
       --modelDelivery=broadcast)
cl_sim(model-delivery-broadcast-p2p
       [=[--modelDelivery=broadcast needs one subnet .*not --network=p2p]=]
       --modelDelivery=broadcast --network=p2p)
cl_sim(model-delivery-broadcast-tcp
       [=[--modelDelivery=broadcast needs --transport=udp \(TCP has no broadcast\), not --transport=tcp]=]
       --modelDelivery=broadcast --network=csma --transport=tcp)
cl_sim(model-delivery-broadcast-backhaul
       [=[--modelDelivery=broadcast needs the server on the workers' subnet, not behind --backhaul=p2p]=]
       --modelDelivery=broadcast --network=wifi --backhaul=p2p)
cl_sim(model-unknown [=[--model=cnn: allowed values are softmax, mlp]=] --model=cnn)
cl_sim(dataset-unknown [=[--dataset=cifar: allowed values are fashion-mnist, synthetic]=]
       --dataset=cifar)
cl_sim(distribution-unknown [=[--distribution=gauss: allowed values are shifted-exponential]=]
       --distribution=gauss)
cl_sim(admission-unknown [=[--admission=maybe: allowed values are none, lyapunov]=]
       --admission=maybe)
cl_sim(loss-model-unknown [=[--lossModel=gilbert: allowed values are rate, burst]=]
       --lossModel=gilbert)
cl_sim(wifi-mobility-unknown [=[--wifiMobility=teleport: allowed values are static, random-walk]=]
       --network=wifi --wifiMobility=teleport)
cl_sim(wifi-standard-unknown [=[Wi-Fi standard '802.11z' is unknown]=] --network=wifi
       --wifiStandard=802.11z)
cl_sim(unknown-flag [=[Invalid command-line argument.*wrokers]=] --wrokers=3)
cl_sim(workers-not-a-number [=[Invalid command-line argument.*workers]=] --workers=ten)
cl_sim(wifi-explicit-bar-not-bool [=[Invalid command-line argument.*wifiExplicitBar=maybe]=]
       --network=wifi --wifiExplicitBar=maybe)
cl_sim(wifi-lost-beacons-too-many [=[--wifiLostBeacons=1001: allowed range is \[0, 1000\]]=]
       --network=wifi --wifiLostBeacons=1001)
cl_sim(bool-not-a-bool [=[Invalid command-line argument.*pcap]=] --pcap=maybe)

# --- coded-learning-sim: combinations ---------------------------------------------------------
cl_sim(stragglers-ge-workers
       [=[--scheme=cyclic-repetition --workers=4 --stragglers=4 .*invalid combination: cyclic-repetition: s = 4, must be < n = 4]=]
       --scheme=cyclic-repetition --workers=4 --stragglers=4)
cl_sim(fractional-s-plus-one-not-dividing-n
       [=[invalid combination: fractional-repetition: s = 2 needs \(s\+1\) \| n, but n = 10]=]
       --scheme=fractional-repetition --workers=10 --stragglers=2)
cl_sim(ignore-stragglers-s-ge-n [=[invalid combination: ignore-stragglers: s = 3]=]
       --scheme=ignore-stragglers --workers=3 --stragglers=3)
cl_sim(two-stage-fraction-above-one
       [=[invalid combination: two-stage: stageOneFraction = 1.5.*must be in \(0, 1\]]=]
       --stageOneFraction=1.5)
cl_sim(two-stage-pool-unknown [=[two-stage: stageTwoPool = "all", allowed: "idle-and-finished"]=]
       --stageTwoPool=all)
cl_sim(two-stage-quantile-above-one [=[two-stage: deadlineQuantile = 2.*must be in \[0, 1\]]=]
       --deadlineQuantile=2)
cl_sim(two-stage-deadline-rule-unknown
       [=[two-stage: deadlineRule = "median", allowed: "predicted", "quantile"]=]
       --deadlineRule=median)
cl_sim(two-stage-size-unknown [=[two-stage: stageOneSize = "all", allowed: "adaptive", "fixed"]=]
       --stageOneSize=all)
cl_sim(two-stage-slack-negative [=[two-stage: deadlineSlack = -0.5, must be in \[0, 1e\+06\]]=]
       --deadlineSlack=-0.5)
cl_sim(two-stage-deviations-negative
       [=[two-stage: deadlineDeviations = -1, must be in \[0, 1e\+06\]]=] --deadlineDeviations=-1)
cl_sim(two-stage-exclude-below-one
       [=[two-stage: excludeSlowerThan \(0 = off\) = 0.5, must be in \[1, 1e\+12\]]=]
       --excludeSlowerThan=0.5)
cl_sim(two-stage-trigger-above-n1
       [=[two-stage: stageTwoTrigger c = 11, must be 0 \(off\) or in \[1, n1 = 10\]]=]
       --stageTwoTrigger=11)
cl_sim(replication-too-large [=[--replication=70000: allowed range is \[0, 65535\]]=]
       --replication=70000)
cl_sim(history-beta-one [=[--historyBeta=1: allowed range is \[0, 0.999999\]]=] --historyBeta=1)
cl_sim(approx-decoder-unknown [=[approximate: approxDecoder = "magic", allowed: "optimal", "fixed"]=]
       --scheme=approximate --approxDecoder=magic)
cl_sim(partitions-more-than-samples [=[--numPartitions=500 --trainLimit=200: invalid combination]=]
       --scheme=uncoded --workers=2 --numPartitions=500)
cl_sim(wifi-too-many-workers
       [=[number of workers 2008 exceeds what one Wi-Fi access point can associate \(allowed: at most 2007]=]
       --scheme=uncoded --network=wifi --workers=2008 --trainLimit=5000)
cl_sim(p2p-rate-invalid [=[p2p data rate 'fast' is invalid]=] --network=p2p --p2pRate=fast)
cl_sim(p2p-rate-zero [=[p2p data rate '0bps' is invalid]=] --network=p2p --p2pRate=0bps)
cl_sim(p2p-rate-negative [=[p2p data rate '-5Mbps' is invalid]=] --network=p2p --p2pRate=-5Mbps)
cl_sim(p2p-delay-invalid [=[p2p delay '5parsecs' is invalid \(allowed: a time >= 0 with a unit]=]
       --network=p2p --p2pDelay=5parsecs)
cl_sim(p2p-delay-negative [=[p2p delay '-1ms' is negative]=] --network=p2p --p2pDelay=-1ms)
cl_sim(p2p-rate-list-length [=[p2p data rate list '1Mbps,2Mbps' has 2]=] --network=p2p
       --workers=3 --p2pRate=1Mbps,2Mbps)
cl_sim(csma-rate-invalid [=[CSMA data rate 'fast' is invalid \(allowed: a rate > 0 with a unit]=]
       --network=csma --csmaRate=fast)
cl_sim(backhaul-unknown [=[--backhaul=fiber: allowed values are none, p2p]=] --network=wifi
       --backhaul=fiber)
cl_sim(backhaul-not-wifi [=[--backhaul=p2p: only the Wi-Fi access point has a backhaul; --network=csma]=]
       --network=csma --backhaul=p2p)
cl_sim(queue-disc-unknown [=[--queueDisc=red: allowed values are none, fair-admission]=]
       --network=wifi --backhaul=p2p --queueDisc=red)
cl_sim(queue-disc-without-backhaul
       [=[--queueDisc=fair-admission: the uploads cross a queue disc only on a backhaul \(allowed: --queueDisc=none, or --backhaul=p2p]=]
       --network=wifi --queueDisc=fair-admission)
cl_sim(backhaul-rate-invalid [=[backhaul data rate 'fast' is invalid \(allowed: a rate > 0 with a unit]=]
       --network=wifi --backhaul=p2p --backhaulRate=fast)
cl_sim(backhaul-delay-negative [=[backhaul delay '-1ms' is negative]=] --network=wifi
       --backhaul=p2p --backhaulDelay=-1ms)
cl_sim(wifi-distance-negative [=[Wi-Fi distance -5 m is invalid]=] --network=wifi --distance=-5)
cl_sim(wifi-distances-count [=[Wi-Fi station distance list has 2 entries for 10 workers]=]
       --network=wifi --distances=5,40)
cl_sim(wifi-distances-bad [=[Wi-Fi station distance 'far' is invalid]=] --network=wifi
       --distances=5,far)
cl_sim(wifi-queue-size-zero [=[--wifiQueueSize=0: allowed range is \[1, 4294967295\]]=]
       --network=wifi --wifiQueueSize=0)
cl_sim(wifi-queue-delay-zero [=[--wifiQueueDelay=0: allowed range is \[1e-09, 1000000000\]]=]
       --network=wifi --wifiQueueDelay=0)

# --- coded-learning-sim: fault flags (FaultInjectionHelper) ------------------------------------
cl_sim(crash-worker-out-of-range [=[--crashWorker=4: allowed range is \[-1, 3\]]=] --workers=4
       --crashWorker=4)
cl_sim(crash-at-before-start
       [=[--crashAt=0.5: must be a finite time after the applications' start \(1 s\)]=]
       --crashWorker=1 --crashAt=0.5)
cl_sim(crash-mode-unknown [=[--crashMode=halt: allowed values are app, device, both]=]
       --crashWorker=1 --crashMode=halt)
cl_sim(crash-device-on-ideal [=[--crashMode=device: the ideal network has no interfaces]=]
       --crashWorker=1 --crashMode=device)
cl_sim(link-down-on-ideal [=[--linkDownWorker=1: the ideal network has no links]=]
       --linkDownWorker=1)
cl_sim(link-up-before-down [=[--linkUpAt=1.5: must be a finite time after --linkDownAt \(2 s\)]=]
       --network=p2p --linkDownWorker=1 --linkDownAt=2 --linkUpAt=1.5)
cl_sim(move-not-wifi [=[--moveWorker=1: only Wi-Fi stations move; --network=ideal]=]
       --moveWorker=1)
cl_sim(move-back-before-move [=[--moveBackAt=1.5: must be a finite time after --moveAt \(2 s\)]=]
       --network=wifi --moveWorker=1 --moveAt=2 --moveBackAt=1.5)

# --- coded-learning-sim: energy flags (EnergySettings, EnergyAccountingHelper) ------------------
cl_sim(cpu-profile-unknown [=[--cpuProfile=pentium: allowed values are rpi4, yang2021]=]
       --cpuProfile=pentium)
cl_sim(cpu-time-unknown [=[--cpuTime=fast: allowed values are model, cycles]=] --cpuTime=fast)
cl_sim(cpu-frequency-not-a-number
       [=[--cpuFrequency=fast: 'fast' is not allowed; allowed: one number \(Hz > 0\) or a comma-separated list of n = 10]=]
       --cpuFrequency=fast)
cl_sim(cpu-frequency-zero [=[--cpuFrequency=1e9,0: '0' is not allowed; allowed: one number \(Hz > 0\)]=]
       --workers=2 --scheme=uncoded --cpuFrequency=1e9,0)
cl_sim(cpu-frequency-list-length
       [=[--cpuFrequency=1e9,2e9: 2 values; allowed: one number \(Hz > 0\) or a comma-separated list of n = 3]=]
       --workers=3 --scheme=uncoded --cpuFrequency=1e9,2e9)
cl_sim(kappa-negative [=[--kappa=-1e-28: allowed range is \[0, 1e-20\]]=] --kappa=-1e-28)
cl_sim(cycles-per-sample-negative [=[--cyclesPerSample=-5: allowed range is \[0, 1000000000\]]=]
       --cyclesPerSample=-5)
cl_sim(battery-negative [=[--battery=-1: '-1' is not allowed; allowed: one number \(J >= 0\)]=]
       --battery=-1)
cl_sim(battery-without-energy [=[--battery=5: batteries need the energy accounting \(--energy=true\)]=]
       --battery=5 --energy=false)
cl_sim(radio-current-negative
       [=[ns3::WifiRadioEnergyModel::TxCurrentA = -1 A at the supply voltage 3 V: every radio state must draw at least 0.001 W]=]
       --network=wifi --ns3::WifiRadioEnergyModel::TxCurrentA=-1)

# --- coded-learning-sim: output that cannot be written ------------------------------------------
coded_learning_add_cli_test(
  sim-out-dir-below-a-file TARGET coded-learning-sim SETUP file
  REGEX [=[--outDir=.*/file/sub: cannot create '.*/file/sub': Not a directory]=]
  ARGS --dataset=synthetic --trainLimit=200 --network=ideal --iterations=2
       --outDir=@TMP@/file/sub
)

# --- coded-learning-sim: data files -------------------------------------------------------------
coded_learning_add_cli_test(
  sim-data-dir-missing TARGET coded-learning-sim
  REGEX [=[Fashion-MNIST file '.*/none/train-images-idx3-ubyte.gz' not found]=]
  ARGS --dataset=fashion-mnist --dataDir=@TMP@/none --network=ideal --outDir=@TMP@/out
)
cl_data(missing [=[t10k-labels-idx1-ubyte.gz' not found]=])
cl_data(empty [=[train-images-idx3-ubyte.gz': truncated: 0 bytes]=])
cl_data(typecode [=[train-images-idx3-ubyte.gz': data type code 9]=])
cl_data(badmagic [=[train-images-idx3-ubyte.gz': bad magic number 0x1f8b0803]=])
cl_data(truncated [=[train-images-idx3-ubyte.gz': truncated: the header announces 15680 data]=])
cl_data(gzcut [=[train-images-idx3-ubyte.gz': truncated]=])
cl_data(count [=[has 20 samples but labels file '.*train-labels-idx1-ubyte.gz' has 19]=])
cl_data(pixels [=[has 729 pixels per image, expected 784 \(28 x 28\)]=])
cl_data(label [=[label 10 of sample 0 is out of range \[0, 10\)]=])
cl_data(labeldims [=[train-labels-idx1-ubyte.gz' has 2 dimensions, a label file must have exactly 1]=])
# Positive control: the crafted files load and train when nothing is broken.
coded_learning_add_cli_test(
  sim-data-valid-control TARGET coded-learning-sim SETUP idx:valid EXPECT_SUCCESS
  REGEX [=[2 iterations \(2 decoded\)]=]
  ARGS --dataset=fashion-mnist --dataDir=@TMP@/data --network=ideal --workers=2
       --scheme=uncoded --iterations=2 --outDir=@TMP@/out
)

# --- centralised-training -------------------------------------------------------------------
function(cl_central name regex)
  coded_learning_add_cli_test(
    central-${name} TARGET centralised-training REGEX "${regex}"
    ARGS --dataset=synthetic --trainLimit=200 --testLimit=100 --epochs=1 --batchSize=50
         --gradientTimings=0 --output=none ${ARGN}
  )
endfunction()
cl_central(epochs-zero [=[--epochs=0: must be >= 1]=] --epochs=0)
cl_central(activation-unknown [=[--activation=swish: allowed values are relu, tanh, sigmoid]=]
           --model=mlp --activation=swish)
cl_central(batch-larger-than-data [=[--batchSize=500: larger than the training set \(200]=]
           --batchSize=500)
cl_central(schedule-unknown [=[learning-rate schedule 'cosine']=] --schedule=cosine)
cl_central(hidden-zero [=[--hidden=0: must be >= 1]=] --model=mlp --hidden=0)
cl_central(step-gamma-zero [=[gamma = 0\.0+]=] --schedule=step --gamma=0)
cl_central(weight-decay-negative [=[weightDecay = -1]=] --weightDecay=-1)
coded_learning_add_cli_test(
  central-output-below-a-file TARGET centralised-training SETUP file
  REGEX [=[--output=.*/file/log.csv: cannot open for writing]=]
  ARGS --dataset=synthetic --trainLimit=200 --testLimit=100 --epochs=1 --batchSize=50
       --gradientTimings=0 --output=@TMP@/file/log.csv
)

# --- lyapunov-tradeoff ----------------------------------------------------------------------
function(cl_tradeoff name regex)
  coded_learning_add_cli_test(
    tradeoff-${name} TARGET lyapunov-tradeoff REGEX "${regex}"
    ARGS --slots=200 --warmup=50 --vGrid=1,10 --output=none --plot=none ${ARGN}
  )
endfunction()
cl_tradeoff(workers-zero [=[--workers=0: allowed range is \[1, 1000\]]=] --workers=0)
cl_tradeoff(v-zero [=[--vGrid=0,10: 0 must be > 0]=] --vGrid=0,10)
cl_tradeoff(v-not-ascending [=[--vGrid=10,1: values must be ascending]=] --vGrid=10,1)
cl_tradeoff(v-not-a-number [=[--vGrid=1,x: 'x' is not a number]=] --vGrid=1,x)
cl_tradeoff(theta-negative [=[--perturbation=-1: -1 must be >= 0]=] --perturbation=-1)
cl_tradeoff(variant-unknown [=[--variant=both: allowed values are aux, direct]=] --variant=both)
cl_tradeoff(utility-unknown [=[--utilities=log,cubic: unknown utility 'cubic']=]
            --utilities=log,cubic)
cl_tradeoff(warmup-ge-slots [=[--warmup=200: must be smaller than --slots=200]=] --warmup=200)
coded_learning_add_cli_test(
  tradeoff-output-below-a-file TARGET lyapunov-tradeoff SETUP file
  REGEX [=[--output=.*/file/t.csv: cannot open for writing]=]
  ARGS --slots=200 --warmup=50 --vGrid=1,10 --output=@TMP@/file/t.csv --plot=none
)
cl_sim(admission-channel-unknown [=[--admissionChannel=fluid: allowed values are measured, rayleigh]=]
       --admission=lyapunov --admissionChannel=fluid)
cl_sim(admission-slot-zero [=[--admissionSlot=0: allowed range is \[1e-06, ]=]
       --admission=lyapunov --admissionSlot=0)
cl_sim(admission-initial-rate-negative [=[--admissionInitialRate=-1: allowed range]=]
       --admission=lyapunov --admissionInitialRate=-1)
