using Collections.Testing;

namespace Collections.Operations.Tests.Unit;

/// <summary>
/// Compares text with a checked-in file under Snapshots/, so a change to the ERP contract is a visible diff.
/// UPDATE_SNAPSHOTS=1 rewrites the files instead (then review and commit the diff).
/// </summary>
internal static class Snapshot
{
    private const string UpdateVariable = "UPDATE_SNAPSHOTS";

    public static void Matches(string actual, params string[] relativePath)
    {
        var path = Path.Combine([ProjectDirectory(), "Snapshots", .. relativePath]);
        actual = actual.ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"No snapshot {path}; run with {UpdateVariable}=1 to create it, then review and commit it.");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path).ReplaceLineEndings("\n")), $"Differs from {path}; if intended, run with {UpdateVariable}=1 and commit the diff.");
    }

    private static string ProjectDirectory() => Path.Combine(RepositoryRoot.Path, "tests", "Collections.Operations.Tests");
}
