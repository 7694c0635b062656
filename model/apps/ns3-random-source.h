// SPDX-License-Identifier: GPL-2.0-only
#ifndef CODED_LEARNING_NS3_RANDOM_SOURCE_H
#define CODED_LEARNING_NS3_RANDOM_SOURCE_H

#include "ns3/object.h"
#include "ns3/random-source.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{

/**
 * \ingroup coded-learning
 * Feeds the pure code (coded::RandomSource) from an ns-3 UniformRandomVariable, so that
 * model initialisation, shuffling, synthetic data and random code constructions follow
 * --RngSeed/--RngRun and AssignStreams like every other ns-3 random draw.
 */
class Ns3RandomSource : public Object, public coded::RandomSource
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ns3RandomSource();

    double Uniform() override;

    /**
     * Fix the stream of the underlying random variable.
     * \param stream the first stream index to use
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    /// Releases what this object holds (ns3::Object::DoDispose).
    void DoDispose() override;

  private:
    Ptr<UniformRandomVariable> m_uniform; //!< the underlying stream
};

} // namespace ns3

#endif // CODED_LEARNING_NS3_RANDOM_SOURCE_H
