package dev.tradewatch;

public final class Main {
    public static void main(String[] args) {
    }
}
