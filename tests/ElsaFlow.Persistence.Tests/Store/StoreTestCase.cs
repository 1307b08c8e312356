using Xunit.Abstractions;
using Xunit.Sdk;

namespace ElsaFlow.Persistence.Tests.Store;

/// <summary>
/// A contract test case that is reported as skipped (with the class's reason) when its concrete test class needs an
/// environment variable that is not set, e.g. the MongoDB suite without ELSAFLOW_TEST_MONGO.
/// </summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var requirement = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentVariableAttribute)).FirstOrDefault();
        if (requirement is not null)
        {
            var arguments = requirement.GetConstructorArguments().Cast<string>().ToList();
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(arguments[0])))
                return arguments[1];
        }
        return base.GetSkipReason(factAttribute);
    }
}
