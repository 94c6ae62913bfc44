# The programs' hard inputs and determinism as ctest tests, table-driven.
#
# Every program of EDGE_DML_CHECKED_PROGRAMS gets:
#   example.<program>.HelpDefaults        every option has a non-empty default (SEM)
#   example.<program>.Rejects.<Name>      the common cases below, then its own table
#                                         <program>_BAD_INPUTS
#   example.<program>.<Name>              its determinism cases <program>_RUNS
#
# A bad-input case is one line "Name|arguments|exit status|stderr regex":
# the arguments are separated by blanks; @MMKP@ stands for test/data/mmkp and
# @DATASETS@ for the damaged Fashion-MNIST copies (made by a fixture). The
# program runs in a fresh empty directory and must exit with that status,
# print one line on stderr that matches the regex, nothing on stdout and
# write no file (test/cmake/expect-exit.cmake). The arguments may contain
# '|', the regex too, but not "|<digits>|"; neither may contain ';' (the CMake
# list separator: match a ';' in a message with '.').
#
# A determinism case is one line "Name|same or different|arguments of run a|
# arguments of run b|files": both runs exit 0 and write exactly the files
# (blank-separated), identical or all different (test/cmake/same-output.cmake).
#
# To check a new program: add its target to EDGE_DML_CHECKED_PROGRAMS and
# set <program>_BAD_INPUTS (and <program>_RUNS if it writes files) below.

set(EDGE_DML_CHECKED_PROGRAMS
    edge-dml-uplink
    edge-dml-paper
    edge-dml-mmkp
    edge-dml-scheduler-benchmark
    edge-dml-centralised-sgd
    edge-dml-training
    edge-dml-packet-benchmark
)

# Cases every program must reject in the same way (CommandLineChecks::Parse).
set(EDGE_DML_COMMON_BAD_INPUTS
    "UnknownOption|--noSuchOption=1|2|unknown option --noSuchOption \\(--PrintHelp lists the options\\)"
    "StrayArgument|stray|2|unexpected argument 'stray': give options as --name=value"
    "RngRunNotANumber|--RngRun=abc|2|--RngRun=abc is invalid: not a number. give a whole number"
    "RngRunNegative|--RngRun=-1|2|--RngRun=-1 is invalid: must be >= 0"
    "RngRunNotWhole|--RngRun=1.5|2|--RngRun=1.5 is invalid: not a whole number"
    "RngSeedZero|--RngSeed=0|2|--RngSeed=0 is invalid: must be >= 1"
    "UnknownTypeId|--ns3::NoSuchType::X=1|2|--ns3::NoSuchType::X=1 is invalid: no type ns3::NoSuchType"
    "UnknownAttribute|--ns3::edgedml::OfdmaChannel::NoSuch=1|2|ns3::edgedml::OfdmaChannel has no attribute NoSuch"
    "AttributeNaN|--ns3::edgedml::OfdmaNetDevice::TxPowerW=nan|2|TxPowerW=nan is invalid: not a finite number"
    "AttributeHuge|--ns3::edgedml::OfdmaNetDevice::TxPowerW=1e300|2|TxPowerW=1e300 is invalid: must be <= 1e\\+06 \\(W\\)"
    "AttributeNegative|--ns3::edgedml::OfdmaChannel::ResourceBlockBandwidthHz=-5|2|ResourceBlockBandwidthHz=-5 is invalid: must be >= 1 \\(Hz\\)"
    "AttributeNotANumber|--ns3::edgedml::OfdmaChannel::ResourceBlockBandwidthHz=5abc|2|ResourceBlockBandwidthHz=5abc is invalid: not a number"
    "AttributeIntegerNotWhole|--ns3::edgedml::FixedRbAllocator::RbsPerDevice=1.5|2|RbsPerDevice=1.5 is invalid: not a whole number"
    "AttributeIntegerHuge|--ns3::edgedml::FixedRbAllocator::RbsPerDevice=1e20|2|RbsPerDevice=1e20 is invalid: must be <= 4294967295"
    "AttributeEnum|--ns3::edgedml::WaterfallErrorModel::LossUnit=Bits|2|LossUnit=Bits is invalid: use one of Message Packet"
    "AttributeBool|--ns3::edgedml::TabuTaskScheduler::EfficiencyStart=yes|2|EfficiencyStart=yes is invalid: use true or false"
    "AttributeTime|--ns3::edgedml::MessageSource::Interval=5parsecs|2|Interval=5parsecs is invalid: give a time such as 10s"
    "AttributeTimeHuge|--ns3::edgedml::MessageSource::Interval=1e300s|2|Interval=1e300s is invalid: beyond ns-3's time range"
    "AttributeUnknownObject|--ns3::edgedml::OfdmaChannel::RbAllocator=ns3::NoSuch|2|RbAllocator=ns3::NoSuch is invalid: no type 'ns3::NoSuch'"
    "AttributeWrongObject|--ns3::edgedml::OfdmaChannel::RbAllocator=ns3::edgedml::OfdmaChannel|2|ns3::edgedml::OfdmaChannel is not a constructible subclass of ns3::edgedml::RbAllocator"
    "AttributeObjectBadValue|--ns3::edgedml::OfdmaChannel::UplinkInterferencePerRb=ns3::UniformRandomVariable[Min=0|Max=nan]|2|UplinkInterferencePerRb=.* is invalid: Max=nan: not a finite number"
    "AttributeOfParent|--ns3::edgedml::MlpModel::L2Regularisation=1|2|L2Regularisation is an attribute of the parent ns3::edgedml::LearningModel"
    "PrintAttributesUnknownType|--PrintAttributes=ns3::NoSuch|2|--PrintAttributes=ns3::NoSuch is invalid: no such type"
)

# Shorthands for the regexes below.
set(whole "is invalid: not a whole number")
set(nan "is invalid: not a finite number")
set(nonnum "is invalid: not a number")
set(empty "is invalid: empty value")

set(edge-dml-uplink_BAD_INPUTS
    "numEdgeServersZero|--numEdgeServers=0|2|--numEdgeServers=0 is invalid: must be >= 1"
    "numEdgeServersNegative|--numEdgeServers=-3|2|--numEdgeServers=-3 is invalid: must be >= 1"
    "numEdgeServersHuge|--numEdgeServers=1e20|2|--numEdgeServers=1e20 is invalid: must be <= 100000"
    "numEdgeServersOverflow|--numEdgeServers=99999999999999999999|2|--numEdgeServers=99999999999999999999 is invalid: must be <= 100000"
    "numEdgeServersFraction|--numEdgeServers=10.5|2|--numEdgeServers=10.5 ${whole}"
    "numEdgeServersNonNumeric|--numEdgeServers=abc|2|--numEdgeServers=abc ${nonnum}"
    "numEdgeServersEmpty|--numEdgeServers=|2|--numEdgeServers= ${empty}"
    "numEdgeServersHex|--numEdgeServers=0x10|2|--numEdgeServers=0x10 ${nonnum}"
    "payloadBytesZero|--payloadBytes=0|2|--payloadBytes=0 is invalid: must be >= 1 \\(bytes\\)"
    "payloadBytesHuge|--payloadBytes=1e20|2|--payloadBytes=1e20 is invalid: must be <= 4294967295"
    "packetPayloadBytesSmall|--packetPayloadBytes=28|2|--packetPayloadBytes=28 is invalid: must be >= 29"
    "roundsNegative|--rounds=-1|2|--rounds=-1 is invalid: must be >= 1"
    "roundsHuge|--rounds=1e20|2|--rounds=1e20 is invalid: must be <= 1000000"
    "roundsTooLong|--rounds=1000000 --roundIntervalS=1e6|2|--rounds=1000000 with this --roundIntervalS and --drainS runs past 1e9 s"
    "roundIntervalSZero|--roundIntervalS=0|2|--roundIntervalS=0 is invalid: must be >= 1e-09 \\(s. ns-3 rounds times to its resolution, 1 ns\\)"
    "roundIntervalSNaN|--roundIntervalS=nan|2|--roundIntervalS=nan ${nan}"
    "drainSHuge|--drainS=1e300|2|--drainS=1e300 is invalid: must be <= 1e\\+06 \\(s\\)"
    "drainSNegative|--drainS=-1|2|--drainS=-1 is invalid: must be >= 0"
    "drainSInf|--drainS=inf|2|--drainS=inf ${nan}"
    "lossUnit|--lossUnit=Bits|2|--lossUnit=Bits is invalid: use one of Message Packet"
    "lossUnitEmpty|--lossUnit=|2|--lossUnit= is invalid: use one of Message Packet"
    "waterfallThresholdNaN|--waterfallThreshold=nan|2|--waterfallThreshold=nan ${nan}"
    "waterfallThresholdHuge|--waterfallThreshold=1e300|2|--waterfallThreshold=1e300 is invalid: must be <= 1e\\+06"
    "waterfallThresholdNegative|--waterfallThreshold=-1|2|--waterfallThreshold=-1 is invalid: must be >= 0"
    "maxRetransmissionsNegative|--maxRetransmissions=-1|2|--maxRetransmissions=-1 is invalid: must be >= 0"
    "maxRetransmissionsHuge|--maxRetransmissions=1e20|2|--maxRetransmissions=1e20 is invalid: must be <= 1000"
    "socket|--socket=tcp|2|--socket=tcp is invalid: use one of udp packet"
    "numRbsNegative|--numRbs=-1|2|--numRbs=-1 is invalid: must be >= 0"
    "numRbsHuge|--numRbs=1e20|2|--numRbs=1e20 is invalid: must be <= 1000000"
    "rbBandwidthHz|--rbBandwidthHz=-1|2|--rbBandwidthHz=-1 is invalid: must be >= 1 \\(Hz\\)"
    "rbBandwidthHzZero|--rbBandwidthHz=0|2|--rbBandwidthHz=0 is invalid: must be >= 1 \\(Hz\\)"
    "rbBandwidthHzHuge|--rbBandwidthHz=1e300|2|--rbBandwidthHz=1e300 is invalid: must be <= 1e\\+12"
    "rbBandwidthHzNaN|--rbBandwidthHz=nan|2|--rbBandwidthHz=nan ${nan}"
    "txPowerW|--txPowerW=-0.01|2|--txPowerW=-0.01 is invalid: must be a finite value > 0 \\(W\\)"
    "txPowerWZero|--txPowerW=0|2|--txPowerW=0 is invalid: must be a finite value > 0"
    "txPowerWNaN|--txPowerW=nan|2|--txPowerW=nan ${nan}"
    "txPowerWInf|--txPowerW=inf|2|--txPowerW=inf ${nan}"
    "txPowerWHuge|--txPowerW=1e300|2|--txPowerW=1e300 is invalid: must be <= 1e\\+06 \\(W\\)"
    "txPowerWEmpty|--txPowerW=|2|--txPowerW= ${empty}"
    "minRadiusMNegative|--minRadiusM=-1|2|--minRadiusM=-1 is invalid: must be >= 0"
    "minRadiusMHuge|--minRadiusM=1e300|2|--minRadiusM=1e300 is invalid: must be <= 1e\\+07"
    "maxRadiusMBelowMin|--minRadiusM=600|2|--maxRadiusM=500 is invalid: must be >= 600 \\(m, above minRadiusM\\)"
    "maxRadiusMInf|--maxRadiusM=inf|2|--maxRadiusM=inf ${nan}"
    "rbAllocator|--rbAllocator=ns3::NoSuchAllocator|2|--rbAllocator=ns3::NoSuchAllocator is invalid: unknown allocator 'ns3::NoSuchAllocator': use one of EqualShare Fixed"
    "rbAllocatorWrongType|--rbAllocator=ns3::edgedml::OfdmaChannel|2|--rbAllocator=ns3::edgedml::OfdmaChannel is invalid: unknown allocator 'ns3::edgedml::OfdmaChannel' \\(not a constructible subclass of ns3::edgedml::RbAllocator\\)"
    "rbAllocatorEmpty|--rbAllocator=|2|--rbAllocator= ${empty}"
    "initialEnergyJZero|--initialEnergyJ=0|2|--initialEnergyJ=0 is invalid: must be a finite value > 0 \\(J\\)"
    "initialEnergyJHuge|--initialEnergyJ=1e300|2|--initialEnergyJ=1e300 is invalid: must be <= 1e\\+12"
    "pcap|--pcap=yes|2|--pcap=yes is invalid: use true or false"
    "quiet|--quiet=2|2|--quiet=2 is invalid: use true or false"
    "output|--output=sub/x.csv|2|--output=sub/x.csv is invalid: give a file name in the current directory"
    "outputEmpty|--output=|2|--output= is invalid: give a file name in the current directory"
    "outputDot|--output=..|2|--output=.. is invalid: give a file name in the current directory"
    "outputIsThePcap|--pcap=true --output=edge-dml-uplink-ps.pcap|2|--output=edge-dml-uplink-ps.pcap is invalid: the pcap trace has that name"
    "roundIntervalBelowResolution|--roundIntervalS=1e-12|2|--roundIntervalS=1e-12 is invalid: must be >= 1e-09 \\(s. ns-3 rounds times to its resolution"
)

set(paper_small --instances=1 --taskStep=35 --bandwidthsMhz=10,30 --figure3BandwidthMhz=10
                --measureTime=false --quiet
)
list(JOIN paper_small " " paper_small)
set(edge-dml-paper_BAD_INPUTS
    "numEdgeServersZero|--numEdgeServers=0|2|--numEdgeServers=0 is invalid: must be >= 1"
    "numEdgeServersHuge|--numEdgeServers=1e20|2|--numEdgeServers=1e20 is invalid: must be <= 100000"
    "numEdgeServersFraction|--numEdgeServers=2.5|2|--numEdgeServers=2.5 ${whole}"
    "bandwidthsMhz|--bandwidthsMhz=10,-3|2|--bandwidthsMhz=10,-3 is invalid: '-3' is not a number > 0 \\(MHz\\)"
    "bandwidthsMhzNaN|--bandwidthsMhz=nan|2|--bandwidthsMhz=nan is invalid: 'nan' is not a number > 0"
    "bandwidthsMhzHuge|--bandwidthsMhz=1e300|2|--bandwidthsMhz=1e300 is invalid: '1e300' is above 1e\\+09 \\(MHz\\)"
    "bandwidthsMhzEmptyItem|--bandwidthsMhz=10,,30|2|--bandwidthsMhz=10,,30 is invalid: empty item"
    "bandwidthsMhzEmpty|--bandwidthsMhz=|2|--bandwidthsMhz= ${empty}"
    "algorithms|--algorithms=Greedy,Foo|2|--algorithms=Greedy,Foo is invalid: unknown scheduler 'Foo'"
    "algorithmsEmpty|--algorithms=|2|--algorithms= ${empty}"
    "algorithmsNotAScheduler|--algorithms=ns3::edgedml::OfdmaChannel|2|unknown scheduler 'ns3::edgedml::OfdmaChannel'"
    "preset|--preset=Loose|2|--preset=Loose is invalid: use one of Valued Strict"
    "StrictMoreTasksThanServers|--preset=Strict --numEdgeServers=5 --minTasks=5 --maxTasks=6|2|--maxTasks=6 is invalid with --preset=Strict: every task needs its own edge server, so give maxTasks <= numEdgeServers \\(5\\)"
    "StrictDefaultsWithFewServers|--preset=Strict --numEdgeServers=40|2|--maxTasks=79 is invalid with --preset=Strict"
    "figure2Algorithm|--figure2Algorithm=Foo|2|--figure2Algorithm=Foo is invalid: it must be one of --algorithms or Exact"
    "figure3BandwidthMhz|--figure3BandwidthMhz=20|2|--figure3BandwidthMhz=20 is invalid: it must be one of --bandwidthsMhz"
    "figure3BandwidthMhzHuge|--figure3BandwidthMhz=1e300|2|--figure3BandwidthMhz=1e300 is invalid: must be <= 1e\\+09"
    "minTasksNegative|--minTasks=-1|2|--minTasks=-1 is invalid: must be >= 0"
    "maxTasks|--maxTasks=5|2|--maxTasks=5 is invalid: must be >= 10 \\(tasks, at least minTasks"
    "maxTasksHuge|--maxTasks=1e20|2|--maxTasks=1e20 is invalid: must be <= 100000"
    "taskStep|--taskStep=0|2|--taskStep=0 is invalid: must be >= 1"
    "taskStepHuge|--taskStep=1e20|2|--taskStep=1e20 is invalid: must be <= 100000"
    "instances|--instances=-2|2|--instances=-2 is invalid: must be >= 1"
    "instancesHuge|--instances=1e20|2|--instances=1e20 is invalid: must be <= 10000"
    "energyBudgetJNaN|--energyBudgetJ=nan|2|--energyBudgetJ=nan ${nan}"
    "energyBudgetJHuge|--energyBudgetJ=1e300|2|--energyBudgetJ=1e300 is invalid: must be <= 1e\\+15 \\(J\\)"
    "energyBudgetJNegative|--energyBudgetJ=-1|2|--energyBudgetJ=-1 is invalid: must be >= 0 \\(J\\)"
    "exactTimeLimitSInf|--exactTimeLimitS=inf|2|--exactTimeLimitS=inf ${nan}"
    "exactTimeLimitSTiny|--exactTimeLimitS=1e-9|2|--exactTimeLimitS=1e-9 is invalid: must be >= 0.001 \\(s\\)"
    "measureTime|--measureTime=yes|2|--measureTime=yes is invalid: use true or false"
)

set(edge-dml-mmkp_BAD_INPUTS
    "MissingInput||2|--input is missing: give the MMKP file"
    "EmptyInput|--input=|2|--input= ${empty}"
    "UnreadableFile|--input=/nonexistent/x.mmkp|2|--input=/nonexistent/x.mmkp is invalid: /nonexistent/x.mmkp: cannot open"
    "Directory|--input=@MMKP@|2|mmkp: line 1: premature end of file"
    "NonNumericToken|--input=@MMKP@/bad-token.mmkp|2|bad-token.mmkp: line 6: 'five' is not a number \\(weight 1 of item 1 of class 2\\)"
    "PrematureEnd|--input=@MMKP@/truncated.mmkp|2|truncated.mmkp: line 7: premature end of file: expected item 2 of class 2"
    "HugeValue|--input=@MMKP@/huge-value.mmkp|2|huge-value.mmkp: line 4: value of item 1 of class 1 is '1e300'. values must be finite and within \\+-1e15"
    "HugeCapacity|--input=@MMKP@/huge-capacity.mmkp|2|huge-capacity.mmkp: line 2: capacity 1 is '1e300'"
    "HugeClassCount|--input=@MMKP@/huge-class-count.mmkp|2|huge-class-count.mmkp: line 1: number of classes '4000000000'"
    "UnknownAlgorithm|--input=@MMKP@/small.mmkp --algorithm=NoSuch|2|--algorithm=NoSuch is invalid: unknown scheduler 'NoSuch'"
    "AlgorithmNotAScheduler|--input=@MMKP@/small.mmkp --algorithm=ns3::edgedml::TaskScheduler|2|unknown scheduler 'ns3::edgedml::TaskScheduler'"
    "NegativeTimeLimit|--input=@MMKP@/small.mmkp --timeLimitS=-1|2|--timeLimitS=-1 is invalid: must be 0 or >= 0.001 \\(s\\)"
    "NaNTimeLimit|--input=@MMKP@/small.mmkp --timeLimitS=nan|2|--timeLimitS=nan ${nan}"
    "HugeTimeLimit|--input=@MMKP@/small.mmkp --timeLimitS=1e300|2|--timeLimitS=1e300 is invalid: must be <= 1e\\+07"
    "TinyTimeLimit|--input=@MMKP@/small.mmkp --timeLimitS=1e-6|2|--timeLimitS=1e-6 is invalid: must be 0 or >= 0.001 \\(s\\)"
    "strict|--input=@MMKP@/small.mmkp --strict=maybe|2|--strict=maybe is invalid: use true or false"
)

set(edge-dml-scheduler-benchmark_BAD_INPUTS
    "minTasksNegative|--minTasks=-1|2|--minTasks=-1 is invalid: must be >= 0"
    "maxTasks|--maxTasks=80|2|--maxTasks=80 is invalid: must be <= 79 \\(tasks \\(n = 80\\)\\)"
    "maxTasksBelowMin|--minTasks=50 --maxTasks=40|2|--maxTasks=40 is invalid: must be >= 50"
    "taskStepFraction|--taskStep=1.5|2|--taskStep=1.5 ${whole}"
    "instancesHuge|--instances=1e20|2|--instances=1e20 is invalid: must be <= 10000"
    "lpMaxItems|--lpMaxItems=-1|2|--lpMaxItems=-1 is invalid: must be >= 0 \\(items\\)"
    "subgradientStepsHuge|--subgradientSteps=1e20|2|--subgradientSteps=1e20 is invalid: must be <= 10000000"
    "scaleSizesHuge|--scaleSizes=1e9|2|--scaleSizes=1e9 is invalid: '1e9' is not a whole number in \\[1, 10000\\]"
    "scaleSizesFraction|--scaleSizes=1000.5|2|--scaleSizes=1000.5 is invalid: '1000.5' is not a whole number"
    "tabuIterationsHuge|--tabuIterations=1e20|2|--tabuIterations=1e20 is invalid: '1e20' is not a whole number in \\[1, 4294967295\\]"
    "scaleBaseBandwidthMhzNaN|--scaleBaseBandwidthMhz=nan|2|--scaleBaseBandwidthMhz=nan ${nan}"
    "scaleBaseBandwidthMhzHuge|--scaleBaseBandwidthMhz=1e300|2|--scaleBaseBandwidthMhz=1e300 is invalid: must be <= 1e\\+06"
    "algorithmsEmpty|--algorithms=|2|--algorithms= ${empty}"
    "algorithmsUnknown|--algorithms=Foo|2|--algorithms=Foo is invalid: unknown scheduler 'Foo'"
    "bandwidthsMhzHuge|--bandwidthsMhz=1e300|2|--bandwidthsMhz=1e300 is invalid: '1e300' is above 1e\\+09"
)

set(sgd_small --trainLimit=200 --testLimit=100)
list(JOIN sgd_small " " sgd_small)
set(edge-dml-centralised-sgd_BAD_INPUTS
    "epochsNegative|--epochs=-1|2|--epochs=-1 is invalid: must be >= 1"
    "epochsHuge|--epochs=1e20|2|--epochs=1e20 is invalid: must be <= 100000"
    "epochsFraction|--epochs=2.5|2|--epochs=2.5 ${whole}"
    "batchSizeZero|--batchSize=0|2|--batchSize=0 is invalid: must be >= 1"
    "batchSizeHuge|--batchSize=1e20|2|--batchSize=1e20 is invalid: must be <= 1000000"
    "learningRateNaN|--learningRate=nan|2|--learningRate=nan ${nan}"
    "learningRateZero|--learningRate=0|2|--learningRate=0 is invalid: must be a finite value > 0"
    "learningRateHuge|--learningRate=1e300|2|--learningRate=1e300 is invalid: must be <= 1e\\+06"
    "l2Negative|--l2=-1|2|--l2=-1 is invalid: must be >= 0"
    "l2Huge|--l2=1e300|2|--l2=1e300 is invalid: must be <= 1e\\+06"
    "hiddenUnitsZero|--model=Mlp --hiddenUnits=0|2|--hiddenUnits=0 is invalid: must be >= 1"
    "hiddenUnitsHuge|--model=Mlp --hiddenUnits=1e9|2|--hiddenUnits=1e9 is invalid: must be <= 100000"
    "model|--model=Foo|2|--model=Foo is invalid: unknown model 'Foo': use one of LogisticRegression Mlp or the TypeId name of a subclass of ns3::edgedml::LearningModel"
    "modelNotALearningModel|--model=ns3::edgedml::OfdmaChannel|2|--model=ns3::edgedml::OfdmaChannel is invalid: unknown model 'ns3::edgedml::OfdmaChannel' \\(not a constructible subclass of ns3::edgedml::LearningModel\\): use one of LogisticRegression Mlp"
    "modelAbstract|--model=ns3::edgedml::LearningModel|2|--model=ns3::edgedml::LearningModel is invalid"
    "modelEmpty|--model=|2|--model= ${empty}"
    "trainLimitNegative|--trainLimit=-1|2|--trainLimit=-1 is invalid: must be >= 0"
    "trainLimitHuge|--trainLimit=1e20|2|--trainLimit=1e20 is invalid: must be <= 60000"
    "workersNegative|--workers=-1|2|--workers=-1 is invalid: must be >= 0"
    "workersMoreThanSamples|${sgd_small} --workers=300|2|--workers=300 is invalid: more than the 200 training samples read"
    "roundsZero|--workers=2 --rounds=0|2|--rounds=0 is invalid: must be >= 1"
    "printEveryZero|--printEvery=0|2|--printEvery=0 is invalid: must be >= 1"
    "localStepsHuge|--localSteps=1e20|2|--localSteps=1e20 is invalid: must be <= 1000000"
    "alphaNaN|--alpha=nan|2|--alpha=nan ${nan}"
    "alphaHuge|--alpha=1e300|2|--alpha=1e300 is invalid: must be <= 1e\\+06"
    "alphaTiny|--alpha=1e-9|2|--alpha=1e-9 is invalid: must be 0 or >= 0.001"
    "dataDirEmpty|--dataDir=|2|--dataDir= ${empty}"
    "dataDirMissing|--dataDir=/nonexistent|2|--dataDir=/nonexistent is invalid: /nonexistent/train-images-idx3-ubyte.gz: cannot open the file. install the Debian package dataset-fashion-mnist"
    "dataTruncated|--dataDir=@DATASETS@/truncated ${sgd_small}|2|--dataDir=.*/truncated is invalid: .*/truncated/train-images-idx3-ubyte.gz: not a complete gzip file \\(not gzip-compressed, damaged or truncated: decompression failed after [0-9]+ bytes of"
    "dataNotGzip|--dataDir=@DATASETS@/not-gzip ${sgd_small}|2|--dataDir=.*/not-gzip is invalid: .*/not-gzip/train-images-idx3-ubyte.gz: not a complete gzip file"
    "dataEmpty|--dataDir=@DATASETS@/empty ${sgd_small}|2|--dataDir=.*/empty is invalid: .*/empty/train-images-idx3-ubyte.gz: not a complete gzip file .*after 0 bytes"
    "dataMissingLabels|--dataDir=@DATASETS@/missing-labels ${sgd_small}|2|--dataDir=.*/missing-labels is invalid: .*t10k-labels-idx1-ubyte.gz: cannot open the file"
)

set(training_small --numEdgeServers=10 --rounds=3 --trainLimit=6000 --testLimit=500 --syncN=5 --syncBatches=5 --quiet)
list(JOIN training_small " " training_small)
set(edge-dml-training_BAD_INPUTS
    "numEdgeServersZero|--numEdgeServers=0|2|--numEdgeServers=0 is invalid: must be >= 1"
    "numEdgeServersHuge|--numEdgeServers=1e20|2|--numEdgeServers=1e20 is invalid"
    "roundsFraction|--rounds=2.5|2|--rounds=2.5 ${whole}"
    "learningRateNaN|--learningRate=nan|2|--learningRate=nan ${nan}"
    "learningRateNegative|--learningRate=-0.1|2|--learningRate=-0.1 is invalid"
    "txPowerHuge|--txPowerW=1e300|2|--txPowerW=1e300 is invalid"
    "taskBandwidthNegative|--taskBandwidthMhz=-30|2|--taskBandwidthMhz=-30 is invalid: must be >= 0"
    "schedulerUnknown|--scheduler=Foo|2|--scheduler=Foo is invalid: unknown scheduler 'Foo': use one of .*Greedy"
    "syncPolicyUnknown|--syncPolicy=Foo|2|--syncPolicy=Foo is invalid"
    "syncNAboveServers|--numEdgeServers=10 --syncPolicy=NSync --syncN=20|2|--syncN=20 is invalid: must be <= 10"
    "presetUnknown|--preset=Loose|2|--preset=Loose is invalid: use one of Valued Strict"
    "busyPolicyUnknown|--busyPolicy=Ignore|2|--busyPolicy=Ignore is invalid: use one of Skip Discard"
    "availabilityProbabilityAboveOne|--probabilityAvailable=1.5|2|--probabilityAvailable=1.5 is invalid: must be <= 1"
    "maxRadiusBelowMin|--minRadiusM=100 --maxRadiusM=50|2|--maxRadiusM=50 is invalid"
    "tooManySamples|--numEdgeServers=200 --samplesPerServer=600|2|the 200 edge servers hold 120000 samples but the training set has 60000"
    "dataDirEmpty|--dataDir=|2|--dataDir= ${empty}"
    "dataDirMissing|--dataDir=/nonexistent|2|--dataDir=/nonexistent is invalid: /nonexistent/train-images-idx3-ubyte.gz: cannot open the file. install the Debian package dataset-fashion-mnist"
    "dataTruncated|--dataDir=@DATASETS@/truncated ${training_small}|2|--dataDir=.*/truncated is invalid: .*not a complete gzip file"
    "dirichletAlphaTiny|--dirichletAlpha=0.0001|2|--dirichletAlpha=0.0001 is invalid: must be 0 or >= 0.001"
    "taskArrivalRateTiny|--taskArrivalRatePerS=1e-10|2|--taskArrivalRatePerS=1e-10 is invalid: must be >= 1e-09 \\(per s\\)"
    "simulatorImplementationNotASimulator|--SimulatorImplementationType=ns3::Node|2|--SimulatorImplementationType=ns3::Node is invalid: give the TypeId name of a subclass of ns3::SimulatorImpl"
    "simulatorImplementationEmpty|--SimulatorImplementationType=|2|--SimulatorImplementationType= is invalid: empty value"
    "schedulerTypeNotAScheduler|--SchedulerType=ns3::Node|2|--SchedulerType=ns3::Node is invalid: give the TypeId name of a subclass of ns3::Scheduler"
)

set(edge-dml-packet-benchmark_BAD_INPUTS
    "numEdgeServersZero|--numEdgeServers=0|2|--numEdgeServers=0 is invalid: must be >= 1"
    "roundsHuge|--rounds=1e20|2|--rounds=1e20 is invalid"
    "lossUnitUnknown|--lossUnit=Bits|2|--lossUnit=Bits is invalid: use one of Message Packet"
    "deadlineNaN|--roundDeadlineS=nan|2|--roundDeadlineS=nan ${nan}"
    "tooManySamples|--samplesPerServer=600|2|more samples than the 60,000 of Fashion-MNIST"
    "dataDirMissing|--dataDir=/nonexistent|2|--dataDir=/nonexistent is invalid: /nonexistent/train-images-idx3-ubyte.gz: cannot open the file"
)

# Determinism: the same command twice gives byte-identical files; a different
# --RngRun gives different ones; integers given as 3.0 and booleans as True
# (as SEM passes them) mean 3 and true.
set(uplink_small --numEdgeServers=12 --rounds=3 --pcap=true --quiet)
list(JOIN uplink_small " " uplink_small)
set(uplink_files "edge-dml-uplink.csv edge-dml-uplink-ps.pcap")
set(edge-dml-uplink_RUNS
    "SameSeedSameFiles|same|${uplink_small}|${uplink_small}|${uplink_files}"
    "OtherRngRunOtherFiles|different|${uplink_small} --RngRun=1|${uplink_small} --RngRun=2|${uplink_files}"
    "SemStyleValues|same|${uplink_small} --RngRun=3|--numEdgeServers=12.0 --rounds=3.0 --pcap=True --quiet=True --RngRun=3.0|${uplink_files}"
    "PacketSocketsPacketLossRetransmissions|same|--numEdgeServers=10 --rounds=2 --socket=packet --lossUnit=Packet --maxRetransmissions=2 --numRbs=4 --rbAllocator=ns3::edgedml::FixedRbAllocator --quiet|--numEdgeServers=10 --rounds=2 --socket=packet --lossUnit=Packet --maxRetransmissions=2 --numRbs=4 --rbAllocator=ns3::edgedml::FixedRbAllocator --quiet|edge-dml-uplink.csv"
)
set(paper_files
    "paper-figures.csv paper-utility-vs-tasks.png paper-algorithms.png paper-utility-vs-tasks.plt paper-algorithms.plt"
)
set(training_files "rounds.csv workers.csv training.png training.plt")
set(edge-dml-training_RUNS
    "SameSeedSameFiles|same|${training_small}|${training_small}|${training_files}"
    "OtherRngRunOtherFiles|different|${training_small} --RngRun=1|${training_small} --RngRun=2|${training_files}"
    "SemStyleValues|same|${training_small} --plot=false --RngRun=3|--numEdgeServers=10.0 --rounds=3.0 --trainLimit=6000.0 --testLimit=500 --syncN=5 --syncBatches=5 --quiet=True --plot=False --RngRun=3.0|rounds.csv workers.csv"
    "PacketLossTasksVolatile|same|${training_small} --plot=false --lossUnit=Packet --maxRetransmissions=2 --socket=packet --availability=Markov --busyPolicy=Discard --syncPolicy=NBatchSync --scheduler=Exact --taskArrival=Poisson|${training_small} --plot=false --lossUnit=Packet --maxRetransmissions=2 --socket=packet --availability=Markov --busyPolicy=Discard --syncPolicy=NBatchSync --scheduler=Exact --taskArrival=Poisson|rounds.csv workers.csv"
)
set(edge-dml-paper_RUNS
    "SameSeedSameFiles|same|${paper_small}|${paper_small}|${paper_files}"
    "OtherRngRunOtherFiles|different|${paper_small} --RngRun=1|${paper_small} --RngRun=2|paper-figures.csv paper-utility-vs-tasks.png paper-algorithms.png"
    "SemStyleValues|same|${paper_small} --plot=false --RngRun=3|--instances=1.0 --taskStep=35.0 --bandwidthsMhz=10,30 --figure3BandwidthMhz=10 --measureTime=False --quiet=True --plot=False --RngRun=3.0|paper-figures.csv"
)

# Adds the tests of one program. scripts: test/cmake; work: a scratch
# directory; substitutions: the @NAME@ placeholders.
function(edge_dml_add_program_tests program scripts work mmkp datasets)
  set(exe $<TARGET_FILE:${program}>)
  add_test(NAME example.${program}.HelpDefaults
           COMMAND ${CMAKE_COMMAND} -DPROGRAM=${exe} -P ${scripts}/check-help.cmake
  )
  foreach(entry ${EDGE_DML_COMMON_BAD_INPUTS} ${${program}_BAD_INPUTS})
    # Greedy: the arguments may contain '|' (as in TypeName[A=1|B=2]).
    if(NOT entry MATCHES "^([A-Za-z0-9]+)\\|(.*)\\|([0-9]+)\\|(.*)$")
      message(FATAL_ERROR "malformed bad-input case of ${program}: '${entry}'")
    endif()
    set(name ${CMAKE_MATCH_1})
    set(args "${CMAKE_MATCH_2}")
    set(code ${CMAKE_MATCH_3})
    set(regex "${CMAKE_MATCH_4}")
    string(REPLACE "@MMKP@" "${mmkp}" args "${args}")
    string(REPLACE "@DATASETS@" "${datasets}" args "${args}")
    separate_arguments(args UNIX_COMMAND "${args}")
    add_test(
      NAME example.${program}.Rejects.${name}
      COMMAND ${CMAKE_COMMAND} -DPROGRAM=${exe} "-DARGS=${args}" -DEXPECT_CODE=${code}
              "-DEXPECT_REGEX=${regex}" -DWORK=${work}/${program}-rejects-${name}
              -P ${scripts}/expect-exit.cmake
    )
    set_tests_properties(example.${program}.Rejects.${name} PROPERTIES TIMEOUT 60)
    if(args MATCHES "${datasets}")
      set_tests_properties(
        example.${program}.Rejects.${name} PROPERTIES FIXTURES_REQUIRED broken-datasets
      )
    endif()
  endforeach()
  foreach(entry ${${program}_RUNS})
    if(NOT entry MATCHES "^([A-Za-z0-9]+)\\|(same|different)\\|([^|]*)\\|([^|]*)\\|([^|]*)$")
      message(FATAL_ERROR "malformed run case of ${program}: '${entry}'")
    endif()
    set(name ${CMAKE_MATCH_1})
    set(expect ${CMAKE_MATCH_2})
    separate_arguments(args_a UNIX_COMMAND "${CMAKE_MATCH_3}")
    separate_arguments(args_b UNIX_COMMAND "${CMAKE_MATCH_4}")
    separate_arguments(files UNIX_COMMAND "${CMAKE_MATCH_5}")
    add_test(
      NAME example.${program}.${name}
      COMMAND ${CMAKE_COMMAND} -DPROGRAM=${exe} "-DARGS=${args_a}" "-DARGS_B=${args_b}"
              "-DFILES=${files}" -DEXPECT=${expect} -DWORK=${work}/${program}-${name}
              -P ${scripts}/same-output.cmake
    )
  endforeach()
endfunction()

# All of it. Called by edge_dml_example_tests.
function(edge_dml_add_checked_program_tests scripts work mmkp)
  set(datasets ${work}/broken-datasets)
  add_test(
    NAME example.fixture.BrokenDatasets
    COMMAND ${CMAKE_COMMAND} -DSOURCE=/usr/share/datasets/fashion-mnist -DDIR=${datasets}
            -P ${scripts}/make-broken-datasets.cmake
  )
  set_tests_properties(example.fixture.BrokenDatasets PROPERTIES FIXTURES_SETUP broken-datasets)
  foreach(program ${EDGE_DML_CHECKED_PROGRAMS})
    edge_dml_add_program_tests(${program} ${scripts} ${work} ${mmkp} ${datasets})
  endforeach()
endfunction()
