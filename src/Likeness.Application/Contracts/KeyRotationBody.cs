namespace Likeness.Application.Contracts;

/// <summary><c>POST /v1/ledger/key/rotate</c>: no members (an empty body is the same); the server makes the new key.</summary>
public sealed record KeyRotationBody;
