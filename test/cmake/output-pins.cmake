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
    "TrainingSmall|edge-dml-training|${pin_training}|rounds.csv=784a926990989ae35f32a4e36e2295982cd33a06a2a665d76ef8863f31c6941c workers.csv=e39f0ff866071810ae3a77292b5f337c830549a536b96c78c0afbec2106d07ab"
    "TrainingVolatile|edge-dml-training|${pin_training} --syncPolicy=NSync --availability=Bernoulli --dirichletAlpha=0.5 --stragglerShiftS=0.01 --stragglerMeanS=0.02 --scheduler=Greedy --taskArrival=Poisson --busyPolicy=Discard|rounds.csv=1b0509208229d638ca768938b32c5f591e21f3b462cd51718640a5cf6a7f19b7 workers.csv=13cdb82849067731d62119c7ede8c2b885b60d38d6dbfb1ea7502602172dd3c7"
    "TrainingMlpPacket|edge-dml-training|${pin_training} --model=Mlp --hiddenUnits=16 --socket=packet --lossUnit=Packet --maxRetransmissions=2 --syncPolicy=NBatchSync --availability=Markov --scheduler=LocalSearch --unplacedTasks=Reject --preset=Strict --roundGapS=0.5 --roundDeadlineS=0.4 --redrawInterference=false --numRbs=4 --initialEnergyJ=50 --tasksPerRound=3|rounds.csv=6b51bf1fcf83b05d1a123d24a786ebfc3d10285edebdef9f1cbfac51466bde84 workers.csv=5c6ad45cf08439063b8a189e6eee5f15e59ba814c43132f1489b1b0a6f5bda05"
    "Uplink|edge-dml-uplink|--numEdgeServers=12 --rounds=3 --pcap=true --quiet|edge-dml-uplink.csv=49204e20849b631581905a3eb1b68867646c7ff8bed0ab47cad8343fa0931b7b edge-dml-uplink-ps.pcap=29c0831fc1e4073f897b54cd32990948c0ab94aa483922db4346bb34b3386948"
    "UplinkPacketSockets|edge-dml-uplink|--numEdgeServers=10 --rounds=2 --socket=packet --lossUnit=Packet --maxRetransmissions=2 --numRbs=4 --rbAllocator=ns3::edgedml::FixedRbAllocator --payloadBytes=5000 --roundIntervalS=0.5 --drainS=3 --quiet|edge-dml-uplink.csv=59c624f46366ae6f9051582745fedbf24d21a26d0bc2c956cd930eccf9bbfd87"
    "Paper|edge-dml-paper|--instances=1 --taskStep=35 --bandwidthsMhz=10,30 --figure3BandwidthMhz=10 --measureTime=false --quiet --plot=false|paper-figures.csv=da931872b98115ba4deefc3e8baf8c2ce8a2536da7e5d69eb8e63826e3780797 stdout=d3e8f68bea3362b577e103532bc4245722a93af1a3aa23ea66a2059c0e91f905"
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
