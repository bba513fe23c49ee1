namespace Collections.Testing;

/// <summary>The repository checkout the tests run from: the nearest directory above the test binaries holding Collections.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Collections.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Collections.sln not found above " + AppContext.BaseDirectory);
    }
}
