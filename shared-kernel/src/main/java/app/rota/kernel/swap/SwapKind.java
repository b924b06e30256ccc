package app.rota.kernel.swap;

/** A trade exchanges two members' slots; a give-away hands the proposer's slot to the counterpart. */
public enum SwapKind { TRADE, GIVE_AWAY }
