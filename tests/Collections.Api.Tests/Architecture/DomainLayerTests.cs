using NetArchTest.Rules;

namespace Collections.Api.Tests.Architecture;

/// <summary>`Domain/` holds rules shared by use cases: it never reaches into a use case or into HTTP.</summary>
public sealed class DomainLayerTests
{
    private static IEnumerable<ModuleAssembly> Modules => ModuleAssembly.All;

    [TestCaseSource(nameof(Modules))]
    public void Domain_DependsOnNoFeatureAndNoHttpType(ModuleAssembly module)
    {
        var result = Types.InAssembly(module.Implementation)
            .That().ResideInNamespaceStartingWith($"Collections.{module.Name}.Domain")
            .ShouldNot().HaveDependencyOnAny($"Collections.{module.Name}.Features", "Microsoft.AspNetCore")
            .GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"{module}'s Domain depends on a use case or on HTTP");
    }
}
