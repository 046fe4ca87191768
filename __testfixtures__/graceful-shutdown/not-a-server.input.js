const { PeerServer } = require('peer');
const io = require('socket.io')();

const peer = new PeerServer({ path: '/rtc' });
peer.listen(9000);
io.listen(3000);
