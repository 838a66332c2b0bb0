package jp.sapphire.operations.control;

import java.io.IOException;
import java.net.InetAddress;

/** This server's name among the servers sharing the database: its host and process. */
public final class ServerName {

    private ServerName() {
    }

    public static String current() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "unknown/" + ProcessHandle.current().pid();
        }
    }
}
