using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Likeness.Tests.Conventions;

/// <summary>
/// Reads what an assembly uses from elsewhere straight from its metadata tables. Every type the compiled code names
/// from another assembly (in a signature, a field, a local, a generic argument, an attribute or an IL instruction) is a
/// row of the TypeRef table, and every member of another assembly it calls or reads is a row of the MemberRef table; so
/// scanning these two tables sees method bodies, which reflection over public signatures would not.
/// </summary>
internal static class MetadataScan
{
    /// <summary>The full names (<c>Namespace.Outer+Inner</c>) of every type the assembly references.</summary>
    public static IReadOnlyList<string> ReferencedTypes(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var md = pe.GetMetadataReader();
        return md.TypeReferences.Select(h => TypeName(md, h)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every member the assembly references on a non-generic type of another assembly, as <c>Type::Member</c>. Members of
    /// generic instantiations are left out: what this is for (clocks, sleeps, environment reads) lives on non-generic types,
    /// and a generic type from elsewhere is still listed by <see cref="ReferencedTypes"/>.
    /// </summary>
    public static IReadOnlyList<string> ReferencedMembers(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var md = pe.GetMetadataReader();
        var members = new List<string>();
        foreach (var h in md.MemberReferences)
        {
            var m = md.GetMemberReference(h);
            if (m.Parent.Kind == HandleKind.TypeReference)
            {
                members.Add(TypeName(md, (TypeReferenceHandle)m.Parent) + "::" + md.GetString(m.Name));
            }
        }

        return members.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The generic instantiations (<c>Vocabulary&lt;Modality&gt;</c>, …) the assembly's code names, resolved to closed types.</summary>
    public static IReadOnlyList<Type> ClosedGenericTypes(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var md = pe.GetMetadataReader();
        var types = new List<Type>();
        for (var row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            try
            {
                var t = assembly.ManifestModule.ResolveType(MetadataTokens.GetToken(MetadataTokens.TypeSpecificationHandle(row)));
                if (t.IsConstructedGenericType && !t.ContainsGenericParameters)
                {
                    types.Add(t);
                }
            }
            catch (ArgumentException)
            {
                // An instantiation over the generic parameters of its context (Vocabulary<T> inside a generic method) has no closed type.
            }
        }

        return types;
    }

    private static string TypeName(MetadataReader md, TypeReferenceHandle h)
    {
        var t = md.GetTypeReference(h);
        var name = md.GetString(t.Name);
        return t.ResolutionScope.Kind == HandleKind.TypeReference
            ? TypeName(md, (TypeReferenceHandle)t.ResolutionScope) + "+" + name
            : t.Namespace.IsNil ? name : md.GetString(t.Namespace) + "." + name;
    }
}
