namespace MmVerify.Engine.Smt;

/// <summary>The solver cannot be started (not installed, not executable): bad input for the command line.</summary>
public sealed class SolverUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The solver rejected a script or died in the middle of a query: a bug in an encoding or a crash.</summary>
public sealed class SolverException(string message) : Exception(message);
