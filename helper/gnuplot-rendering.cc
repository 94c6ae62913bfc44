/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "gnuplot-rendering.h"

#include <cstdlib>
#include <fstream>

namespace ns3
{
namespace edgedml
{

bool
RenderGnuplot(Gnuplot& plot, const std::string& script)
{
    {
        std::ofstream out(script);
        if (!out)
        {
            return false;
        }
        plot.GenerateOutput(out);
        if (!out)
        {
            return false;
        }
    }
    const std::string gnuplot =
        std::ifstream("/usr/bin/gnuplot").good() ? "/usr/bin/gnuplot" : "gnuplot";
    return std::system((gnuplot + " " + script + " 2>/dev/null").c_str()) == 0;
}

} // namespace edgedml
} // namespace ns3
