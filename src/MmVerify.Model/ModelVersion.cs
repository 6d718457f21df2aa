namespace MmVerify.Model;

/// <summary>
/// The version of the model's semantics. A counterexample records it; replay refuses a file from another
/// version, whose action sequence may mean something else here. Bump it whenever a change to the model can
/// change what a recorded run does (any step function, cost, policy or default).
/// </summary>
public static class ModelVersion
{
    public const string Current = "mmverify-model/1";
}
