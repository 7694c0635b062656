// SPDX-License-Identifier: GPL-2.0-only
//
// Keeps the Usage chapter of doc/coded-learning.rst true to the code: prints every Attribute
// and trace source of the module's TypeIds (group "CodedLearning") as reStructuredText, and
// checks or rewrites the generated block of the chapter.
//
//   coded-learning-doc-introspection                      print the block
//   coded-learning-doc-introspection --check  <file.rst>  exit 1 when the block differs
//   coded-learning-doc-introspection --update <file.rst>  rewrite the block in place
//
// The block lies between the lines BEGIN_MARK and END_MARK below.

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace
{

const std::string BEGIN_MARK = ".. BEGIN GENERATED INTROSPECTION (test/doc/introspection-main.cc)";
const std::string END_MARK = ".. END GENERATED INTROSPECTION";

/// Collapses runs of whitespace so that help strings fit on one rst line.
std::string
OneLine(const std::string& text)
{
    std::string out;
    bool space = false;
    for (char c : text)
    {
        if (c == '\n' || c == '\t' || c == ' ')
        {
            space = !out.empty();
            continue;
        }
        if (space)
        {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

/// The generated reStructuredText: one definition-list entry per TypeId of the module.
std::string
Generate()
{
    // Referencing one TypeId keeps the module library linked (--as-needed); its static
    // registrations then add every TypeId of the module.
    ns3::ParameterServerApplication::GetTypeId();
    std::vector<ns3::TypeId> ours;
    for (uint16_t i = 0; i < ns3::TypeId::GetRegisteredN(); ++i)
    {
        ns3::TypeId tid = ns3::TypeId::GetRegistered(i);
        if (tid.GetGroupName() == "CodedLearning")
        {
            ours.push_back(tid);
        }
    }
    std::sort(ours.begin(), ours.end(), [](const ns3::TypeId& a, const ns3::TypeId& b) {
        return a.GetName() < b.GetName();
    });

    std::ostringstream os;
    os << BEGIN_MARK << "\n\n";
    for (const ns3::TypeId& tid : ours)
    {
        os << "``" << tid.GetName() << "`` (parent ``" << tid.GetParent().GetName() << "``)\n";
        if (tid.GetAttributeN() == 0 && tid.GetTraceSourceN() == 0)
        {
            os << "    No attributes or trace sources of its own.\n\n";
            continue;
        }
        os << "\n";
        for (std::size_t j = 0; j < tid.GetAttributeN(); ++j)
        {
            ns3::TypeId::AttributeInformation info = tid.GetAttribute(j);
            std::string initial = info.initialValue->SerializeToString(info.checker);
            os << "    * attribute ``" << info.name << "`` = ``"
               << (initial.empty() ? std::string("(empty)") : initial) << "`` ("
               << info.checker->GetUnderlyingTypeInformation() << "): " << OneLine(info.help)
               << "\n";
        }
        for (std::size_t j = 0; j < tid.GetTraceSourceN(); ++j)
        {
            ns3::TypeId::TraceSourceInformation info = tid.GetTraceSource(j);
            os << "    * trace source ``" << info.name << "`` (``" << info.callback
               << "``): " << OneLine(info.help) << "\n";
        }
        os << "\n";
    }
    os << END_MARK << "\n";
    return os.str();
}

/// Reads a whole file; throws when it cannot.
std::string
ReadFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
    {
        throw std::runtime_error("cannot read '" + path + "'");
    }
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

} // namespace

int
main(int argc, char** argv)
{
    try
    {
        const std::string block = Generate();
        if (argc == 1)
        {
            std::cout << block;
            return 0;
        }
        if (argc != 3 || (std::string(argv[1]) != "--check" && std::string(argv[1]) != "--update"))
        {
            std::cerr << "usage: " << argv[0] << " [--check|--update <file.rst>]\n";
            return 2;
        }
        const std::string mode = argv[1];
        const std::string path = argv[2];
        const std::string text = ReadFile(path);
        const std::size_t begin = text.find(BEGIN_MARK);
        const std::size_t endMark = text.find(END_MARK);
        if (begin == std::string::npos || endMark == std::string::npos || endMark < begin)
        {
            std::cerr << path << ": no generated introspection block (the lines '" << BEGIN_MARK
                      << "' ... '" << END_MARK << "')\n";
            return 1;
        }
        const std::size_t end = endMark + END_MARK.size() + 1; // with its newline
        const std::string current = text.substr(begin, end - begin);
        if (mode == "--check")
        {
            if (current == block)
            {
                std::cout << path << ": attributes and trace sources up to date\n";
                return 0;
            }
            std::cerr << path << ": the attribute/trace-source block differs from the code; run\n"
                      << "  " << argv[0] << " --update " << path << "\nand review the diff.\n"
                      << "--- expected ---\n"
                      << block;
            return 1;
        }
        std::ofstream out(path);
        out << text.substr(0, begin) << block << text.substr(end);
        if (!out)
        {
            std::cerr << "cannot write '" << path << "'\n";
            return 1;
        }
        std::cout << path << ": block updated\n";
        return 0;
    }
    catch (const std::exception& e)
    {
        std::cerr << "coded-learning-doc-introspection: " << e.what() << "\n";
        return 1;
    }
}
