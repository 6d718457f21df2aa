namespace MmVerify.Cli;

/// <summary>Input the kernel (or the contract) would refuse: reported as one line and exit code 2.</summary>
public sealed class BadInputException(string message) : Exception(message);
