namespace MmVerify.Engine.Smt;

/// <summary>The solver cannot be started (not installed, not executable): bad input for the command line.</summary>
public sealed class SolverUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The solver rejected a script or died in the middle of a query: a bug in an encoding or a crash.</summary>
public class SolverException(string message) : Exception(message);

/// <summary>z3's own timeout interrupted a command other than check-sat ("push canceled"): unknown, not a bug.</summary>
public sealed class SolverCanceledException(string message) : SolverException(message);
