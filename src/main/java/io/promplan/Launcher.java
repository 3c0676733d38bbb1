package io.promplan;

public final class Launcher {
    public static void main(String[] args) { System.out.println("promplan"); }
}
