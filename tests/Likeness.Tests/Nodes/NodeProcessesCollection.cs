using Xunit;

namespace Likeness.Tests.Nodes;

/// <summary>Tests that start server processes run one at a time, so that two cores are not shared by a dozen servers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeProcessesCollection
{
    public const string Name = "node processes";
}
