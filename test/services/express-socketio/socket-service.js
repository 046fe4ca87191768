const { Server } = require('socket.io');

/** One socket.io server per process, created on first use. */
class SocketService {
  constructor(server) {
    this.io = new Server(server);
    this.io.on('connection', (socket) => socket.emit('hello'));
  }

  static getInstance(server) {
    if (!SocketService.instance) SocketService.instance = new SocketService(server);
    return SocketService.instance;
  }
}

module.exports = SocketService;
