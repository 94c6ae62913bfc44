# Output pins: the SHA-256 of a few result files of small runs, so that a
# refactoring that must not change results is checked byte for byte (same
# seed and run, same files). A branch that changes outputs on purpose updates
# the pins in the same commit and says so:
#   utils/update-output-pins.sh     (runs the pin tests and rewrites the table)
#
# One line per pin: "Name|program|arguments|file=sha256 ...". The file
# "stdout" is the program's standard output with wall times removed.

set(pin_training --numEdgeServers=10 --rounds=3 --trainLimit=6000 --testLimit=500 --syncN=5 --syncBatches=5 --quiet --plot=false)
list(JOIN pin_training " " pin_training)
set(pin_wall_times "(time_ms|read_s|epoch_s|round_s)=[-+0-9.e]+")

set(EDGE_DML_OUTPUT_PINS
    "TrainingSmall|edge-dml-training|${pin_training}|rounds.csv=fcd23949249c0c6fbdf5c2a645a3c9ef1d9a5ed51a9474861d8749a465d0da3b workers.csv=f340afc9a7d73044d5b2b5ae52afb23a1de68eaba8ba59ece5487c142a4033cf"
    "TrainingVolatile|edge-dml-training|${pin_training} --syncPolicy=NSync --availability=Bernoulli --dirichletAlpha=0.5 --stragglerShiftS=0.01 --stragglerMeanS=0.02 --scheduler=Greedy --taskArrival=Poisson --busyPolicy=Discard|rounds.csv=abdba76b9b9c1d767e719a5ccadbfdf6a1eb8e7cdd6ff276307ab3ae13b0dfb2 workers.csv=0ba5c2af822c07a4f82a9899bd220097206cb655916370a714e6508e39cf3b58"
    "TrainingMlpPacket|edge-dml-training|${pin_training} --model=Mlp --hiddenUnits=16 --socket=packet --lossUnit=Packet --maxRetransmissions=2 --syncPolicy=NBatchSync --availability=Markov --scheduler=LocalSearch --unplacedTasks=Reject --preset=Strict --roundGapS=0.5 --roundDeadlineS=0.4 --redrawInterference=false --numRbs=4 --initialEnergyJ=50 --tasksPerRound=3|rounds.csv=8bef37eadd410df4a068fe9e9acd223e7855c0c77efd0eea6bb485229148e695 workers.csv=5fc50ce5ed40fb0a4c49c09f71419488fe8d84ddb7c7b7d25a2e9fabb96f3515"
    "Uplink|edge-dml-uplink|--numEdgeServers=12 --rounds=3 --pcap=true --quiet|edge-dml-uplink.csv=49204e20849b631581905a3eb1b68867646c7ff8bed0ab47cad8343fa0931b7b edge-dml-uplink-ps.pcap=29c0831fc1e4073f897b54cd32990948c0ab94aa483922db4346bb34b3386948"
    "UplinkPacketSockets|edge-dml-uplink|--numEdgeServers=10 --rounds=2 --socket=packet --lossUnit=Packet --maxRetransmissions=2 --numRbs=4 --rbAllocator=ns3::edgedml::FixedRbAllocator --payloadBytes=5000 --roundIntervalS=0.5 --drainS=3 --quiet|edge-dml-uplink.csv=59c624f46366ae6f9051582745fedbf24d21a26d0bc2c956cd930eccf9bbfd87"
    "Paper|edge-dml-paper|--instances=1 --taskStep=35 --bandwidthsMhz=10,30 --figure3BandwidthMhz=10 --measureTime=false --quiet --plot=false|paper-figures.csv=ceafe7d7e1f4ecd37460bb7c8362f95032c71899753f61963848b49b373fb156 stdout=7b947138f6ae18f282c6864329bd0bb575003ab6d01bf2c486ad2fc120310c3b"
    "Mmkp|edge-dml-mmkp|--input=@MMKP@/small-disjoint.mmkp --algorithm=all --disjoint=true|stdout=a167cb6b39687fbaacc9ce98e34d09726c4bee92ff85bd7ade31e2c8d8a4037d"
    "CentralisedSgd|edge-dml-centralised-sgd|--trainLimit=3000 --testLimit=500 --epochs=2|stdout=c282be0bcfe715734c9f4253571bb730f51eee858a437e86963eb49bdb139211"
    "FederatedSgd|edge-dml-centralised-sgd|--trainLimit=3000 --testLimit=500 --workers=4 --rounds=3 --printEvery=1 --localSteps=2 --alpha=0.5 --model=Mlp --hiddenUnits=8|stdout=e81655e2db12c17d0bd9cda867ba480553b3b77ba65fe901718d5546c56958c0"
)

# Adds the pin tests (pin.<Name>). scripts: test/cmake; work: a scratch
# directory; mmkp: test/data/mmkp.
function(edge_dml_add_output_pins scripts work mmkp)
  foreach(entry ${EDGE_DML_OUTPUT_PINS})
    if(NOT entry MATCHES "^([A-Za-z0-9]+)\\|([a-z-]+)\\|([^|]*)\\|([^|]*)$")
      message(FATAL_ERROR "malformed output pin: '${entry}'")
    endif()
    set(name ${CMAKE_MATCH_1})
    set(program ${CMAKE_MATCH_2})
    string(REPLACE "@MMKP@" "${mmkp}" args "${CMAKE_MATCH_3}")
    separate_arguments(args UNIX_COMMAND "${args}")
    separate_arguments(pins UNIX_COMMAND "${CMAKE_MATCH_4}")
    add_test(
      NAME pin.${name}
      COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${program}> "-DARGS=${args}"
              "-DPINS=${pins}" "-DSTDOUT_FILTER=${pin_wall_times}" -DNAME=${name}
              -DWORK=${work}/pin-${name} -P ${scripts}/expect-hashes.cmake
    )
    set_tests_properties(pin.${name} PROPERTIES TIMEOUT 120)
  endforeach()
endfunction()
