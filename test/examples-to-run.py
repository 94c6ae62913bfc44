#! /usr/bin/env python3
# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-

# Examples of edge-dml that ns-3's test.py runs in-tree (contrib/edge-dml,
# configured with --enable-examples) so that they keep building and running.
# Each tuple in the list contains
#
#     (example_name with its arguments, do_run, do_valgrind_run).
#
# The runs are: the embedded defaults (n = 80, 20 rounds; too long for
# valgrind), a small UDP run, a small packet-socket run with the Packet loss
# unit and retransmissions, and a small run with fixed grants on fewer RBs
# than edge servers. test.py strips everything after a hash sign on each
# line, so the strings below must not contain one. See test.py for more
# information.
cpp_examples = [
    ("edge-dml-uplink", "True", "False"),
    ("edge-dml-uplink --numEdgeServers=10 --rounds=2", "True", "True"),
    ("edge-dml-uplink --numEdgeServers=10 --rounds=2 --socket=packet --lossUnit=Packet --maxRetransmissions=2", "True", "True"),
    ("edge-dml-training --numEdgeServers=10 --rounds=3 --trainLimit=6000 --testLimit=500 --plot=false --quiet", "True", "True"),
    ("edge-dml-training --numEdgeServers=10 --rounds=3 --trainLimit=6000 --testLimit=500 --plot=false --quiet --lossUnit=Packet --socket=packet --syncPolicy=NBatchSync --syncBatches=5 --availability=Markov --busyPolicy=Discard", "True", "True"),
    ("edge-dml-uplink --numEdgeServers=10 --rounds=2 --numRbs=4 --rbAllocator=ns3::edgedml::FixedRbAllocator --ns3::edgedml::FixedRbAllocator::RbsPerDevice=2", "True", "True"),
]

# A list of Python examples to run in order to ensure that they remain
# runnable over time.  Each tuple in the list contains
#
#     (example_name, do_run).
#
# See test.py for more information.
python_examples = []
