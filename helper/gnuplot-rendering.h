/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef EDGE_DML_GNUPLOT_RENDERING_H
#define EDGE_DML_GNUPLOT_RENDERING_H

#include "ns3/gnuplot.h"

#include <string>

namespace ns3
{
namespace edgedml
{

/**
 * \ingroup edge-dml
 * \brief Write a plot's gnuplot script and run gnuplot on it.
 *
 * Uses /usr/bin/gnuplot when it exists (SEM runs programs with an empty
 * environment, so PATH may be unset), else gnuplot from PATH; gnuplot's own
 * messages are discarded.
 *
 * \param plot the plot (its output file name is the PNG)
 * \param script the script file to write (kept, so users can restyle the plot)
 * \return false if the script could not be written or gnuplot failed
 */
bool RenderGnuplot(Gnuplot& plot, const std::string& script);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_GNUPLOT_RENDERING_H */
