// SPDX-License-Identifier: GPL-2.0-only
//
// Attribute range checks (issue 7): every numeric Attribute of the module's classes refuses
// values outside its documented range (SetAttributeFailSafe returns false and the old value
// stays), and accepts a value inside it. Enum attributes are not fed unknown strings: ns-3's
// EnumChecker asserts on them in debug builds; the programs check those names themselves.

#include "ns3/coded-learning-module.h"
#include "ns3/core-module.h"
#include "ns3/test.h"

#include <limits>

using namespace ns3;

namespace
{

/// One bad value for one attribute.
struct BadValue
{
    std::string attribute;          //!< the attribute
    Ptr<const AttributeValue> bad;  //!< a value outside its range
    Ptr<const AttributeValue> good; //!< a value inside it
};

/// \return a double value
Ptr<const AttributeValue>
D(double v)
{
    return Create<DoubleValue>(v);
}

/// \return an unsigned value
Ptr<const AttributeValue>
U(uint64_t v)
{
    return Create<UintegerValue>(v);
}

/// \return a time value
Ptr<const AttributeValue>
T(Time v)
{
    return Create<TimeValue>(v);
}

/**
 * \ingroup coded-learning
 * The numeric attributes of one class refuse out-of-range values.
 */
class AttributeRangeTestCase : public TestCase
{
  public:
    /**
     * \param tid the class
     * \param cases its bad values
     */
    AttributeRangeTestCase(TypeId tid, std::vector<BadValue> cases)
        : TestCase("numeric attributes of " + tid.GetName() + " are range-checked"),
          m_tid(tid),
          m_cases(std::move(cases))
    {
    }

  private:
    void DoRun() override
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        for (const BadValue& c : m_cases)
        {
            ObjectFactory factory;
            factory.SetTypeId(m_tid);
            Ptr<Object> object = factory.Create();
            TypeId::AttributeInformation info;
            NS_TEST_ASSERT_MSG_EQ(m_tid.LookupAttributeByName(c.attribute, &info),
                                  true,
                                  m_tid.GetName() << " has no attribute " << c.attribute);
            const std::string before = GetText(object, c.attribute);
            NS_TEST_EXPECT_MSG_EQ(object->SetAttributeFailSafe(c.attribute, *c.bad),
                                  false,
                                  m_tid.GetName() << "::" << c.attribute << " accepted "
                                                  << c.bad->SerializeToString(info.checker));
            NS_TEST_EXPECT_MSG_EQ(GetText(object, c.attribute),
                                  before,
                                  m_tid.GetName()
                                      << "::" << c.attribute << " changed after a refused value");
            NS_TEST_EXPECT_MSG_EQ(object->SetAttributeFailSafe(c.attribute, *c.good),
                                  true,
                                  m_tid.GetName() << "::" << c.attribute << " refused "
                                                  << c.good->SerializeToString(info.checker));
            if (dynamic_cast<const DoubleValue*>(PeekPointer(c.bad)) != nullptr)
            {
                NS_TEST_EXPECT_MSG_EQ(object->SetAttributeFailSafe(c.attribute, DoubleValue(nan)),
                                      false,
                                      m_tid.GetName() << "::" << c.attribute << " accepted NaN");
            }
        }
    }

    /// \return the attribute's value as text
    static std::string GetText(Ptr<Object> object, const std::string& name)
    {
        StringValue v;
        object->GetAttribute(name, v);
        return v.Get();
    }

    TypeId m_tid;                  //!< the class
    std::vector<BadValue> m_cases; //!< its bad values
};

/**
 * \ingroup coded-learning
 * The attribute suite.
 */
class HardeningAttributesTestSuite : public TestSuite
{
  public:
    HardeningAttributesTestSuite()
        : TestSuite("coded-learning-apps-attribute-ranges", Type::UNIT)
    {
        AddTestCase(
            new AttributeRangeTestCase(ParameterServerApplication::GetTypeId(),
                                       {
                                           {"Iterations", U(0), U(3)},
                                           {"LearningRate", D(0.0), D(0.1)},
                                           {"LearningRate", D(-1.0), D(0.1)},
                                           {"Momentum", D(1.0), D(0.5)},
                                           {"Momentum", D(-0.1), D(0.0)},
                                           {"WeightDecay", D(-1e-3), D(1e-3)},
                                           {"IterationDeadline", T(Seconds(0)), T(Seconds(1))},
                                           {"IterationDeadline", T(Seconds(-1)), T(Seconds(1))},
                                           {"IterationGap", T(Seconds(-1)), T(Seconds(0))},
                                           {"HistoryBeta", D(1.0), D(0.5)},
                                       }));
        AddTestCase(new AttributeRangeTestCase(WorkerApplication::GetTypeId(),
                                               {
                                                   {"Index", U(70000), U(65535)},
                                               }));
        AddTestCase(new AttributeRangeTestCase(ComputeTimeModel::GetTypeId(),
                                               {
                                                   {"UnitTime", T(Seconds(-1)), T(MilliSeconds(5))},
                                                   {"Shift", D(-1.0), D(0.5)},
                                                   {"Rate", D(0.0), D(2.0)},
                                                   {"Rate", D(-2.0), D(2.0)},
                                                   {"ParetoScale", D(0.0), D(1.0)},
                                                   {"ParetoShape", D(0.0), D(2.0)},
                                                   {"BimodalProbability", D(1.5), D(0.1)},
                                                   {"BimodalFactor", D(0.5), D(4.0)},
                                                   {"SlowdownFactor", D(0.0), D(2.0)},
                                                   {"TransientProbability", D(-0.1), D(0.1)},
                                                   {"TransientFactor", D(0.9), D(3.0)},
                                               }));
        AddTestCase(new AttributeRangeTestCase(UdpMessageTransport::GetTypeId(),
                                               {
                                                   {"MaxChunkPayload", U(0), U(1400)},
                                                   {"MaxChunkPayload",
                                                    U(CodedLearningHeader::MAX_CHUNK_PAYLOAD + 1),
                                                    U(CodedLearningHeader::MAX_CHUNK_PAYLOAD)},
                                               }));
        AddTestCase(new AttributeRangeTestCase(
            TcpMessageTransport::GetTypeId(),
            {
                {"MaxChunkPayload", U(0), U(1400)},
                {"ConnectRetryInterval", T(Seconds(0)), T(MilliSeconds(50))},
            }));
        AddTestCase(new AttributeRangeTestCase(LyapunovAdmissionPolicy::GetTypeId(),
                                               {
                                                   {"Slot", T(Seconds(0)), T(MilliSeconds(1))},
                                                   {"V", D(0.0), D(10.0)},
                                                   {"V", D(-5.0), D(10.0)},
                                                   {"UtilityAlpha", D(-1.0), D(2.0)},
                                                   {"UtilityEpsilon", D(0.0), D(1e-3)},
                                                   {"PerturbationFactor", D(-1.0), D(1.0)},
                                               }));
        AddTestCase(new AttributeRangeTestCase(LyapunovSlotScheduler::GetTypeId(),
                                               {
                                                   {"NumQueues", U(0), U(4)},
                                                   {"ResourceBlocks", U(0), U(4)},
                                                   {"MaxArrivalFactor", D(0.0), D(2.0)},
                                                   {"PacketSize", U(0), U(1000)},
                                                   {"Bandwidth", D(0.5), D(1e6)},
                                                   {"MeanSnrDb", D(200.0), D(10.0)},
                                                   {"FadingCapQuantile", D(1.0), D(0.99)},
                                               }));
        AddTestCase(new AttributeRangeTestCase(FairAdmissionQueueDisc::GetTypeId(),
                                               {
                                                   {"NumClasses", U(0), U(4)},
                                                   {"DataUnit", U(0), U(1500)},
                                                   {"MaxArrival", D(0.0), D(2.0)},
                                               }));
    }
};

/// The suite's instance.
HardeningAttributesTestSuite g_hardeningAttributesTestSuite;

} // namespace
