/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "gnuplot-rendering.h"

#include "atomic-output-file.h"

#include <cstdlib>
#include <fstream>

namespace ns3
{
namespace edgedml
{

std::string
GnuplotCommand()
{
    return std::ifstream("/usr/bin/gnuplot").good() ? "/usr/bin/gnuplot" : "gnuplot";
}

bool
GnuplotCanRenderPng()
{
    return std::system(
               (GnuplotCommand() + " -e \"set terminal pngcairo\" >/dev/null 2>&1").c_str()) == 0;
}

bool
RenderGnuplot(Gnuplot& plot, const std::string& png, const std::string& script, std::string& error)
{
    PendingOutputFile image(png);
    // The script gnuplot runs writes the image's partial file; it is removed
    // on return (never committed).
    PendingOutputFile runScript(script + ".run");
    {
        std::ofstream out(runScript.GetTemporaryPath());
        plot.SetOutputFilename(image.GetTemporaryPath());
        plot.GenerateOutput(out);
        if (!out)
        {
            error = "cannot write " + runScript.GetTemporaryPath();
            return false;
        }
    }
    if (std::system(
            (GnuplotCommand() + " " + runScript.GetTemporaryPath() + " 2>/dev/null").c_str()) != 0)
    {
        error = "gnuplot failed on " + script;
        return false;
    }
    AtomicOutputFile kept(script);
    plot.SetOutputFilename(png);
    plot.GenerateOutput(kept.Stream());
    return kept.Commit(error) && image.Commit(error);
}

} // namespace edgedml
} // namespace ns3
