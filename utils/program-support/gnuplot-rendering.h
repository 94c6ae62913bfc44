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
 * \return the gnuplot to run: /usr/bin/gnuplot when it exists (SEM runs
 * programs with an empty environment, so PATH may be unset), else "gnuplot"
 */
std::string GnuplotCommand();

/**
 * \ingroup edge-dml
 * \return whether gnuplot runs and has the pngcairo terminal (check before a
 * long run whose plots need it)
 */
bool GnuplotCanRenderPng();

/**
 * \ingroup edge-dml
 * \brief Render a plot into a PNG with gnuplot and keep its script; each
 * file appears under its name only when complete (AtomicOutputFile's rule).
 *
 * Runs GnuplotCommand(); gnuplot's own messages are discarded.
 *
 * \param plot the plot (its output file name is set to png)
 * \param png the image file
 * \param script the gnuplot script kept for the user (it writes png)
 * \param[out] error why not, naming the file
 * \return whether both files were written
 */
bool RenderGnuplot(Gnuplot& plot,
                   const std::string& png,
                   const std::string& script,
                   std::string& error);

} // namespace edgedml
} // namespace ns3

#endif /* EDGE_DML_GNUPLOT_RENDERING_H */
